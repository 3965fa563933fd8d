import { hearthCssVariables, hearthTheme } from '@hearth/ui';
import { MantineProvider, Notification, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Refetches that the person did not ask for would extend the idle timeout: keep them off.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

// Toasts: the close button needs a name for screen readers, and the default dimmed description
// (gray.6 on white) is below the 4.5:1 contrast minimum.
const theme = mergeThemeOverrides(hearthTheme, {
  components: {
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={hearthCssVariables} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
