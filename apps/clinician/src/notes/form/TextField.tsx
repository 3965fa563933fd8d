import { Textarea, TextInput } from '@mantine/core';
import type { FieldProps } from './types';

/** short_text (one line, 200 characters by default) and long_text (grows, 20,000 by default). */
export function TextField({ field, id, value, onChange, description, error }: FieldProps<string>) {
  const long = field.type === 'long_text';
  const max = field.maxLength ?? (long ? 20000 : 200);
  const common = {
    id,
    label: field.label,
    description,
    error,
    withAsterisk: field.required,
    value: value ?? '',
    maxLength: max,
    'data-field': field.key,
  };
  if (!long) return <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />;
  return (
    <Textarea
      {...common}
      autosize
      minRows={3}
      maxRows={20}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
