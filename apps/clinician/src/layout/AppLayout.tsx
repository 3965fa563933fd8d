import { AppShell, Progress } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { IdleTimer } from '../auth/IdleTimer';
import { PatientSpotlight } from '../search/PatientSpotlight';
import { HeaderBar } from './HeaderBar';
import { NavBar } from './NavBar';

/** The signed-in frame: header, navigation by area, the page, the idle timer and Ctrl+K search. */
export function AppLayout() {
  const [navOpen, nav] = useDisclosure(false);
  const [searchOpen, search] = useDisclosure(false);
  const location = useLocation();
  const navigation = useNavigation();

  // Ctrl+K and Cmd+K open patient search from anywhere, including inside inputs.
  useHotkeys(
    [
      ['ctrl+K', search.open],
      ['meta+K', search.open],
    ],
    [],
  );

  // Close the slide-out menu after navigating. Only the path is a dependency: the handlers object
  // from useDisclosure is new on every render, and depending on it would close the menu at once.
  const closeNav = nav.close;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => closeNav(), [location.pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <HeaderBar navOpen={navOpen} onToggleNav={nav.toggle} onOpenSearch={search.open} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <NavBar />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        {navigation.state === 'loading' ? (
          <Progress value={100} animated size="xs" aria-label="Loading page" mb="sm" />
        ) : null}
        <Outlet />
      </AppShell.Main>
      <PatientSpotlight opened={searchOpen} onClose={search.close} />
      <IdleTimer />
    </AppShell>
  );
}
