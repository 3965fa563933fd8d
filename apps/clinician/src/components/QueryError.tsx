import { Alert, type AlertProps } from '@mantine/core';
import { userMessageFor } from '../api/client';

interface Props extends Omit<AlertProps, 'children' | 'color'> {
  /** A query (or mutation) result; the alert shows only while it is in error. */
  query: { isError: boolean; error: unknown };
}

/** The problem detail of a failed request, as a sentence for people, in a red alert. */
export function QueryError({ query, ...alertProps }: Props) {
  if (!query.isError) return null;
  return (
    <Alert color="red" {...alertProps}>
      {userMessageFor(query.error)}
    </Alert>
  );
}
