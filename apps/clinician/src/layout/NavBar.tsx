import type { TPermission } from '@hearth/contracts';
import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBellRinging,
  IconBuildingHospital,
  IconChartBar,
  IconHourglass,
  IconCalendar,
  IconCalendarCog,
  IconCalendarStats,
  IconClipboardList,
  IconClockHour4,
  IconFileCheck,
  IconSignature,
  IconTemplate,
  IconDeviceDesktop,
  IconHome,
  IconKey,
  IconListDetails,
  IconMessage2,
  IconUsers,
  IconUsersGroup,
  type Icon,
  IconFileSearch,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useNoteQueueCounts } from '../api/note-queue';
import { useSession } from '../auth/session-context';

interface Item {
  to: string;
  label: string;
  icon: Icon;
  permission?: TPermission;
  /** A count shown beside the label (notes waiting in a queue). */
  badge?: 'unsigned' | 'cosign';
}

const CARE: Item[] = [
  { to: '/', label: 'Home', icon: IconHome },
  { to: '/patients', label: 'Patients', icon: IconUsers, permission: 'patients.read' },
  // Supervisors without clinical.write still need the queue: it holds their supervisees' overdue notes.
  { to: '/notes-queue', label: 'Notes to sign', icon: IconFileCheck, permission: 'clinical.read', badge: 'unsigned' },
  { to: '/cosign', label: 'Co-sign inbox', icon: IconSignature, permission: 'clinical.cosign', badge: 'cosign' },
  { to: '/notes/search', label: 'Search notes', icon: IconFileSearch, permission: 'clinical.read' },
  { to: '/schedule', label: 'Schedule', icon: IconCalendar, permission: 'scheduling.read' },
  { to: '/schedule/day-sheet', label: 'Day sheet', icon: IconListDetails, permission: 'scheduling.read' },
  { to: '/schedule/hours', label: 'Working hours', icon: IconClockHour4, permission: 'scheduling.read' },
  { to: '/schedule/at-risk', label: 'At risk', icon: IconAlertTriangle, permission: 'scheduling.read' },
  { to: '/schedule/waitlist', label: 'Waitlist', icon: IconHourglass, permission: 'scheduling.read' },
  { to: '/groups', label: 'Groups', icon: IconUsersGroup, permission: 'scheduling.read' },
  { to: '/reports/attendance', label: 'Attendance dashboard', icon: IconChartBar, permission: 'scheduling.read' },
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
  { to: '/admin/note-templates', label: 'Note templates', icon: IconTemplate, permission: 'templates.manage' },
  {
    to: '/admin/appointment-types',
    label: 'Appointment types',
    icon: IconCalendarCog,
    permission: 'scheduling.manage',
  },
  { to: '/admin/scheduling', label: 'Scheduling settings', icon: IconCalendarStats, permission: 'scheduling.manage' },
  { to: '/admin/reminders', label: 'Reminders', icon: IconBellRinging, permission: 'scheduling.manage' },
  { to: '/admin/sms-sandbox', label: 'SMS sandbox', icon: IconMessage2, permission: 'scheduling.manage' },
];

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function NavBar() {
  const { user } = useSession();
  const { pathname } = useLocation();
  const can = (i: Item) => !i.permission || user.permissions.includes(i.permission);
  const admin = ADMIN_ITEMS.filter(can);
  // The most specific match wins (at /schedule/day-sheet only "Day sheet" is current, not "Schedule").
  const activeTo = [...CARE, ...ADMIN_ITEMS]
    .filter((i) => isActive(pathname, i.to))
    .sort((x, y) => y.to.length - x.to.length)[0]?.to;

  // Counts only for people who write or co-sign notes (others have no clinical access at all).
  const counts = useNoteQueueCounts(CARE.some((i) => i.badge && can(i)));
  const badgeFor = (i: Item) => {
    const c = counts.data;
    if (!i.badge || !c) return null;
    if (i.badge === 'cosign')
      return c.cosignInbox > 0 ? (
        <Badge size="sm" variant="light" circle={c.cosignInbox < 10} aria-label={`${c.cosignInbox} waiting`}>
          {c.cosignInbox}
        </Badge>
      ) : null;
    if (c.mineUnsigned === 0 && c.overdue === 0) return null;
    // Red when some are overdue; the words say so too (colour is never the only signal).
    const label = `${c.mineUnsigned} unsigned${c.overdue ? `, ${c.overdue} overdue` : ''}`;
    return (
      <Badge
        size="sm"
        variant="light"
        color={c.overdue ? 'red' : 'gray'}
        leftSection={c.overdue ? <IconAlertTriangle size={11} aria-hidden="true" /> : undefined}
        aria-label={label}
        title={label}
      >
        {c.mineUnsigned}
      </Badge>
    );
  };

  const render = (i: Item) => {
    const active = i.to === activeTo;
    return (
      <NavLink
        key={i.to}
        component={Link}
        to={i.to}
        label={i.label}
        leftSection={<i.icon size={18} aria-hidden="true" />}
        rightSection={badgeFor(i)}
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
