import { Checkbox, SimpleGrid } from '@mantine/core';
import type { FieldProps } from './types';

/** A checklist: every item a checkbox, in two columns when the list is long. */
export function ChecklistField({ field, id, value, onChange, description, error }: FieldProps<string[]>) {
  const opts = field.options ?? [];
  const ordered = (vals: string[]) => opts.map((o) => o.value).filter((v) => vals.includes(v));
  return (
    <Checkbox.Group
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      value={value ?? []}
      onChange={(v) => onChange(ordered(v))}
    >
      <SimpleGrid cols={{ base: 1, sm: opts.length > 6 ? 2 : 1 }} spacing={6} verticalSpacing={6} mt={6}>
        {opts.map((o, i) => (
          <Checkbox key={o.value} value={o.value} label={o.label} id={i === 0 ? id : undefined} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
