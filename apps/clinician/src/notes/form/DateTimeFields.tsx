import { TextInput } from '@mantine/core';
import type { FieldProps } from './types';

// The browser's own date and time inputs: keyboard friendly, and the value is already
// 'YYYY-MM-DD' / 'HH:MM' as the contract wants.

export function DateField({ field, id, value, onChange, description, error }: FieldProps<string>) {
  return (
    <TextInput
      type="date"
      id={id}
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      maw={220}
    />
  );
}

export function TimeField({ field, id, value, onChange, description, error }: FieldProps<string>) {
  return (
    <TextInput
      type="time"
      id={id}
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value.slice(0, 5))}
      maw={180}
    />
  );
}
