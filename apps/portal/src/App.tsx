import { hearthCssVariables, hearthTheme } from '@hearth/ui';
import { MantineProvider } from '@mantine/core';
import { useEffect } from 'react';
import { PortalShell } from './PortalShell';
import { SignInPage } from './SignInPage';
import { usePracticeName } from './practice';
import { AppointmentLinkPage } from './appointment-link/AppointmentLinkPage';

// /portal/r/<token>: the confirm/cancel page a reminder links to; it needs no sign-in.
const reminderToken = (() => {
  const m = /^\/portal\/r\/([^/]+)\/?$/.exec(window.location.pathname);
  try {
    return m ? decodeURIComponent(m[1]!) : null;
  } catch {
    return null;
  }
})();

export function App() {
  const practiceName = usePracticeName();
  useEffect(() => {
    const page = reminderToken ? 'Your appointment' : 'Patient portal';
    document.title = practiceName ? `${page} — ${practiceName}` : `${page} — Hearth`;
  }, [practiceName]);
  return (
    <MantineProvider theme={hearthTheme} cssVariablesResolver={hearthCssVariables} defaultColorScheme="light">
      <PortalShell practiceName={practiceName}>
        {reminderToken ? <AppointmentLinkPage token={reminderToken} /> : <SignInPage practiceName={practiceName} />}
      </PortalShell>
    </MantineProvider>
  );
}
