import type { TTemplateField } from '@hearth/contracts';
import type { ReactNode } from 'react';

/** What the form knows about the note around a field (for the diagnosis picker and code validity). */
export interface FieldContext {
  patientId?: string;
  /** 'YYYY-MM-DD': codes are searched as valid on this date. */
  serviceDate?: string;
}

/** The props every field-type component takes. */
export interface FieldProps<V> {
  field: TTemplateField;
  /** DOM id of the field's first control (the "Required to sign" list focuses it). */
  id: string;
  value: V | undefined;
  onChange: (value: V) => void;
  /** Help text and the carried-forward mark, shown under the label. */
  description?: ReactNode;
  error?: string;
  ctx: FieldContext;
}
