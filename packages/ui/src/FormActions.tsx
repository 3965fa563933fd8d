import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FormActionsProps {
  /** The submit button's label, e.g. "Save changes". */
  submitLabel: ReactNode;
  /** Shows the submit button's spinner (usually `form.submitting`). */
  loading?: boolean;
  onCancel: () => void;
  cancelLabel?: ReactNode;
  cancelDisabled?: boolean;
  /** A data-testid for the submit button. */
  submitTestId?: string;
}

/** A form's closing row: a secondary cancel button and the primary submit button, right-aligned. */
export function FormActions({
  submitLabel,
  loading,
  onCancel,
  cancelLabel = 'Cancel',
  cancelDisabled,
  submitTestId,
}: FormActionsProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={loading} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
