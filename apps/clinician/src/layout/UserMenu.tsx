import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLock, IconLogout } from '@tabler/icons-react';
import { useSession, useSessionContext } from '../auth/session-context';
import { ChangePasswordModal } from './ChangePasswordModal';

export function UserMenu() {
  const { user } = useSession();
  const { signOut } = useSessionContext();
  const [pwOpen, pw] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={220} withinPortal>
        <Menu.Target>
          <UnstyledButton data-testid="user-menu">
            <Group gap={6} wrap="nowrap">
              <Avatar size={30} radius="xl" color="indigo" aria-hidden="true" />
              <Text visibleFrom="md" fw={500} truncate maw={160}>
                {user.firstName} {user.lastName}
              </Text>
              <VisuallyHidden>Account menu</VisuallyHidden>
              <IconChevronDown size={14} aria-hidden="true" />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.email}</Menu.Label>
          <Menu.Item leftSection={<IconLock size={16} aria-hidden="true" />} onClick={pw.open}>
            Change password
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden="true" />}
            onClick={() => void signOut({ notice: 'You have signed out.' })}
            data-testid="sign-out"
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </>
  );
}
