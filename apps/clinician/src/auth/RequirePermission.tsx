import type { TPermission } from '@hearth/contracts';
import { EmptyState } from '@hearth/ui';
import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCan } from './session-context';

/** Shows a page only to people with the permission (the server enforces it regardless). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: TPermission;
  children: ReactNode;
}) {
  const allowed = useCan(permission);
  if (allowed) return <>{children}</>;
  return (
    <>
      <Title order={1}>Not available</Title>
      <EmptyState
        title="You do not have access to this page"
        description="Ask a practice administrator if you need it for your work."
      />
    </>
  );
}
