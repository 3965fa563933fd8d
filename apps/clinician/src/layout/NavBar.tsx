import type { TPermission } from '@hearth/contracts';
import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconBuildingHospital,
  IconClipboardList,
  IconDeviceDesktop,
  IconHome,
  IconKey,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';

interface Item {
  to: string;
  label: string;
  icon: Icon;
  permission?: TPermission;
}

const CARE: Item[] = [
  { to: '/', label: 'Home', icon: IconHome },
  { to: '/patients', label: 'Patients', icon: IconUsers, permission: 'patients.read' },
];

export const ADMIN_ITEMS: Item[] = [
  {
    to: '/admin/practice',
    label: 'Practice settings',
    icon: IconBuildingHospital,
    permission: 'practice.manage',
  },
  { to: '/admin/staff', label: 'Staff', icon: IconUsersGroup, permission: 'staff.manage' },
  { to: '/admin/sessions', label: 'Sessions', icon: IconDeviceDesktop, permission: 'sessions.manage' },
  { to: '/admin/api-tokens', label: 'API tokens', icon: IconKey, permission: 'api_tokens.manage' },
  { to: '/admin/audit', label: 'Audit log', icon: IconClipboardList, permission: 'audit.read' },
];

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function NavBar() {
  const { user } = useSession();
  const { pathname } = useLocation();
  const can = (i: Item) => !i.permission || user.permissions.includes(i.permission);
  const admin = ADMIN_ITEMS.filter(can);

  const render = (i: Item) => {
    const active = isActive(pathname, i.to);
    return (
      <NavLink
        key={i.to}
        component={Link}
        to={i.to}
        label={i.label}
        leftSection={<i.icon size={18} aria-hidden="true" />}
        active={active}
        aria-current={active ? 'page' : undefined}
        variant="light"
      />
    );
  };

  return (
    <ScrollArea>
      <Stack gap={2}>
        {CARE.filter(can).map(render)}
        {admin.length > 0 ? (
          <>
            <Text component="h2" fw={600} c="dimmed" size="sm" mt="md" mb={4} px="sm">
              Admin
            </Text>
            {admin.map(render)}
          </>
        ) : null}
      </Stack>
    </ScrollArea>
  );
}
