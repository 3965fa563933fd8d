import { hearthCssVariables, hearthTheme } from '@hearth/ui';
import { MantineProvider } from '@mantine/core';
import { useEffect } from 'react';
import { PortalShell } from './PortalShell';
import { SignInPage } from './SignInPage';
import { usePracticeName } from './practice';

export function App() {
  const practiceName = usePracticeName();
  useEffect(() => {
    document.title = practiceName ? `Patient portal — ${practiceName}` : 'Patient portal — Hearth';
  }, [practiceName]);
  return (
    <MantineProvider theme={hearthTheme} cssVariablesResolver={hearthCssVariables} defaultColorScheme="light">
      <PortalShell practiceName={practiceName}>
        <SignInPage practiceName={practiceName} />
      </PortalShell>
    </MantineProvider>
  );
}
