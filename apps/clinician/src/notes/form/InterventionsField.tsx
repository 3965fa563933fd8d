import { MultiSelect } from '@mantine/core';
import { useInterventions } from '../../api/diagnoses';
import type { FieldProps } from './types';

const MAX = 30;

/** Interventions used this session, searched by name; grouped by modality (CBT, DBT, ...). */
export function InterventionsField({ field, id, value, onChange, description, error }: FieldProps<string[]>) {
  const list = useInterventions();
  const selected = value ?? [];
  const known = new Set((list.data ?? []).map((i) => i.code));
  const byModality = new Map<string, { value: string; label: string }[]>();
  for (const i of list.data ?? []) {
    const group = i.modality ?? 'The practice’s own';
    const items = byModality.get(group) ?? [];
    items.push({ value: i.code, label: i.label });
    byModality.set(group, items);
  }
  // A code the list no longer has (retired by the practice) still shows as chosen.
  const orphans = selected.filter((c) => !known.has(c)).map((c) => ({ value: c, label: c }));
  const data = [
    ...[...byModality.entries()].map(([group, items]) => ({ group, items })),
    ...(orphans.length ? [{ group: 'No longer listed', items: orphans }] : []),
  ];
  return (
    <MultiSelect
      id={id}
      label={field.label}
      description={description}
      error={error ?? (list.isError ? 'The list of interventions could not be loaded. Reload to try again.' : undefined)}
      withAsterisk={field.required}
      data={data}
      value={selected}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      maxValues={MAX}
      placeholder={selected.length ? undefined : 'Search interventions'}
      nothingFoundMessage="No intervention matches"
    />
  );
}
