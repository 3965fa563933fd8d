import { PAGE_BACKGROUND } from '@hearth/ui';
import { Box, Container, Group, Text } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Header with the practice's name, the page, and a quiet footer. Phone first. */
export function PortalShell({
  practiceName,
  children,
}: {
  practiceName: string | null;
  children: ReactNode;
}) {
  return (
    <Box mih="100vh" bg={PAGE_BACKGROUND} style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm" py="sm">
          <Group gap={8} wrap="nowrap">
            <IconFlame size={24} color="var(--mantine-color-indigo-8)" aria-hidden="true" />
            <Text fw={700} size="lg" c="indigo.9" data-testid="portal-practice-name" truncate>
              {practiceName ?? 'Patient portal'}
            </Text>
          </Group>
        </Container>
      </Box>
      <Box component="main" style={{ flex: 1 }} py="xl">
        <Container size="xs" px="md">
          {children}
        </Container>
      </Box>
      <Box component="footer" py="md">
        <Container size="sm">
          <Text ta="center" c="dimmed" size="sm">
            Powered by Hearth. In a crisis, call or text 988, or call 911.
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
