import { Burger, Button, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconFlame, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { UserMenu } from './UserMenu';

interface Props {
  navOpen: boolean;
  onToggleNav: () => void;
  onOpenSearch: () => void;
}

export function HeaderBar({ navOpen, onToggleNav, onOpenSearch }: Props) {
  const session = useSession();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Burger
          opened={navOpen}
          onClick={onToggleNav}
          hiddenFrom="md"
          size="sm"
          aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
        />
        <UnstyledButton component={Link} to="/" aria-label="Hearth home">
          <Group gap={6} wrap="nowrap">
            <IconFlame size={22} color="var(--mantine-color-indigo-8)" aria-hidden="true" />
            <Text fw={700} c="indigo.9">
              Hearth
            </Text>
          </Group>
        </UnstyledButton>
        <Text c="dimmed" truncate visibleFrom="xs" data-testid="practice-name">
          {session.practiceName}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Button
          variant="default"
          onClick={onOpenSearch}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          rightSection={
            <Text component="span" visibleFrom="md" aria-hidden="true">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd>
            </Text>
          }
          aria-keyshortcuts="Control+K Meta+K"
          data-testid="open-patient-search"
        >
          Search patients
        </Button>
        <UserMenu />
      </Group>
    </Group>
  );
}
