import { Alert, Button, Container, Stack, Title } from '@mantine/core';

/** Last-resort error screen (a failed lazy load after a deploy, an unexpected exception). */
export function RouteError() {
  return (
    <Container component="main" size="sm" py={64}>
      <Stack>
        <Title order={1}>Something went wrong</Title>
        <Alert color="red" role="alert">
          This page could not be shown. Reloading usually fixes it; if it keeps happening, tell your practice
          administrator.
        </Alert>
        <Button onClick={() => window.location.reload()} w="fit-content">
          Reload
        </Button>
      </Stack>
    </Container>
  );
}
