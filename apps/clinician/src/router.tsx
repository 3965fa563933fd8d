import type { TPermission } from '@hearth/contracts';
import { LoadingState } from '@hearth/ui';
import type { ComponentType } from 'react';
import { Outlet, ScrollRestoration, createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { SessionProvider } from './auth/SessionProvider';
import { AppLayout } from './layout/AppLayout';
import { ChartPage } from './pages/ChartPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { MailboxPage } from './pages/MailboxPage';
import { MfaCodePage } from './pages/MfaCodePage';
import { MfaEnrollPage } from './pages/MfaEnrollPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PatientsPage } from './pages/PatientsPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RouteError } from './pages/RouteError';
import { SignInPage } from './pages/SignInPage';

function Root() {
  return (
    <SessionProvider>
      <Outlet />
      {/* A new page starts at the top (e.g. the chart after saving a long form); Back restores. */}
      <ScrollRestoration />
    </SessionProvider>
  );
}

function Protected() {
  return (
    <RequireAuth>
      <AppLayout />
    </RequireAuth>
  );
}

/** A lazily loaded page behind a permission. */
function adminRoute(path: string, permission: TPermission, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        Component: () => (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      };
    },
  };
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-in/mfa', element: <MfaCodePage /> },
      { path: '/sign-in/enroll-mfa', element: <MfaEnrollPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage mode="reset" /> },
      { path: '/set-password', element: <ResetPasswordPage mode="invite" /> },
      { path: '/mailbox', element: <MailboxPage /> },
      { path: '/mailbox/:id', element: <MailboxPage /> },
      {
        element: <Protected />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/patients', element: <PatientsPage /> },
          adminRoute('/patients/new', 'patients.write', () =>
            import('./pages/PatientFormPage').then((m) => m.NewPatientPage),
          ),
          { path: '/patients/:id', element: <ChartPage /> },
          adminRoute('/patients/:id/edit', 'patients.write', () =>
            import('./pages/PatientFormPage').then((m) => m.EditPatientPage),
          ),
          // The reader's own psychotherapy (process) notes about a patient: only clinicians keep them.
          adminRoute('/patients/:id/private-notes', 'clinical.write', () =>
            import('./psychotherapy/PrivateNotesPage').then((m) => m.PrivateNotesPage),
          ),
          adminRoute('/admin/practice', 'practice.manage', () =>
            import('./pages/admin/PracticeSettingsPage').then((m) => m.PracticeSettingsPage),
          ),
          adminRoute('/admin/staff', 'staff.manage', () =>
            import('./pages/admin/StaffPage').then((m) => m.StaffPage),
          ),
          adminRoute('/admin/sessions', 'sessions.manage', () =>
            import('./pages/admin/SessionsPage').then((m) => m.SessionsPage),
          ),
          adminRoute('/admin/api-tokens', 'api_tokens.manage', () =>
            import('./pages/admin/ApiTokensPage').then((m) => m.ApiTokensPage),
          ),
          adminRoute('/admin/audit', 'audit.read', () =>
            import('./pages/admin/AuditLogPage').then((m) => m.AuditLogPage),
          ),
          // Scheduling: the calendar (with FullCalendar) and the day sheet load only when opened.
          adminRoute('/schedule', 'scheduling.read', () =>
            import('./scheduling/SchedulePage').then((m) => m.SchedulePage),
          ),
          adminRoute('/schedule/day-sheet', 'scheduling.read', () =>
            import('./scheduling/daysheet/DaySheetPage').then((m) => m.DaySheetPage),
          ),
          adminRoute('/schedule/hours', 'scheduling.read', () =>
            import('./scheduling/availability/WorkingHoursPage').then((m) => m.WorkingHoursPage),
          ),
          adminRoute('/schedule/hours/:clinicianId', 'scheduling.read', () =>
            import('./scheduling/availability/WorkingHoursPage').then((m) => m.WorkingHoursPage),
          ),
          adminRoute('/schedule/at-risk', 'scheduling.read', () =>
            import('./engagement/AtRiskPage').then((m) => m.AtRiskPage),
          ),
          adminRoute('/schedule/waitlist', 'scheduling.read', () =>
            import('./waitlist/WaitlistPage').then((m) => m.WaitlistPage),
          ),
          adminRoute('/reports/attendance', 'scheduling.read', () =>
            import('./engagement/AttendanceDashboardPage').then((m) => m.AttendanceDashboardPage),
          ),
          // Group programs: list, new group, a group with its roster and sessions, a session's attendance.
          adminRoute('/groups', 'scheduling.read', () =>
            import('./groups/GroupsPage').then((m) => m.GroupsPage),
          ),
          adminRoute('/groups/new', 'scheduling.write', () =>
            import('./groups/NewGroupPage').then((m) => m.NewGroupPage),
          ),
          adminRoute('/groups/:id', 'scheduling.read', () =>
            import('./groups/GroupDetailPage').then((m) => m.GroupDetailPage),
          ),
          adminRoute('/groups/:groupId/sessions/:appointmentId', 'scheduling.read', () =>
            import('./groups/AttendancePage').then((m) => m.AttendancePage),
          ),
          adminRoute('/admin/appointment-types', 'scheduling.manage', () =>
            import('./scheduling/admin/AppointmentTypesPage').then((m) => m.AppointmentTypesPage),
          ),
          adminRoute('/admin/scheduling', 'scheduling.manage', () =>
            import('./scheduling/admin/SchedulingSettingsPage').then((m) => m.SchedulingSettingsPage),
          ),
          adminRoute('/admin/reminders', 'scheduling.manage', () =>
            import('./scheduling/reminders/RemindersPage').then((m) => m.RemindersPage),
          ),
          adminRoute('/admin/sms-sandbox', 'scheduling.manage', () =>
            import('./scheduling/reminders/SmsSandboxPage').then((m) => m.SmsSandboxPage),
          ),
          // Notes: the editor (the author's draft) or the read-only note with signatures and addenda.
          adminRoute('/notes/:id', 'clinical.read', () =>
            import('./notes/NoteEditorPage').then((m) => m.NoteEditorPage),
          ),
          adminRoute('/notes/search', 'clinical.read', () =>
            import('./notes/search/NoteSearchPage').then((m) => m.NoteSearchPage),
          ),
          // Note work: unsigned and overdue notes, the supervisor's co-sign inbox, group session notes.
          adminRoute('/notes-queue', 'clinical.read', () =>
            import('./note-queue/NoteQueuePage').then((m) => m.NoteQueuePage),
          ),
          adminRoute('/cosign', 'clinical.cosign', () =>
            import('./cosign/CosignInboxPage').then((m) => m.CosignInboxPage),
          ),
          adminRoute('/group-notes/new', 'clinical.write', () =>
            import('./group-notes/NewGroupNotePage').then((m) => m.NewGroupNotePage),
          ),
          adminRoute('/group-notes/:id', 'clinical.read', () =>
            import('./group-notes/GroupNotePage').then((m) => m.GroupNotePage),
          ),
          adminRoute('/admin/note-templates', 'templates.manage', () =>
            import('./templates/TemplatesPage').then((m) => m.TemplatesPage),
          ),
          adminRoute('/admin/note-templates/:id', 'templates.manage', () =>
            import('./templates/TemplateEditorPage').then((m) => m.TemplateEditorPage),
          ),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
