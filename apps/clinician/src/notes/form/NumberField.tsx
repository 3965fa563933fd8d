import { NumberInput } from '@mantine/core';
import type { FieldProps } from './types';

/** A number within the template's bounds; clearing it leaves the field unanswered. */
export function NumberField({ field, id, value, onChange, description, error }: FieldProps<number | ''>) {
  return (
    <NumberInput
      id={id}
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      min={field.min}
      max={field.max}
      value={value ?? ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? '' : Number.isFinite(Number(v)) ? Number(v) : '')}
      maw={220}
    />
  );
}
