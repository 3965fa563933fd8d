import { EmptyState } from '@hearth/ui';
import { Button, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <>
      <Title order={1}>Page not found</Title>
      <EmptyState
        title="There is nothing at this address"
        description="Check the link, or go back to the home page."
        action={
          <Button component={Link} to="/">
            Go home
          </Button>
        }
      />
    </>
  );
}
