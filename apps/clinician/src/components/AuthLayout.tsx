import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}

/** The frame for sign-in and other pages shown before a full session: one card, one <h1>. */
export function AuthLayout({ title, description, children, footer, width = 420 }: Props) {
  return (
    <Box component="main" mih="100vh" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="md">
          <Group gap={6} justify="center" aria-hidden="true">
            <IconFlame size={26} color="var(--mantine-color-indigo-8)" />
            <Text fw={700} size="lg" c="indigo.9">
              Hearth
            </Text>
          </Group>
          <Paper withBorder shadow="xs" p="xl">
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={1}>{title}</Title>
                {description ? <Text c="dimmed">{description}</Text> : null}
              </Stack>
              {children}
            </Stack>
          </Paper>
          {footer}
        </Stack>
      </Center>
    </Box>
  );
}
