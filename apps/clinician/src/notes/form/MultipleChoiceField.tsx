import { Chip, Group, Input, MultiSelect } from '@mantine/core';
import type { FieldProps } from './types';

// Up to a dozen choices as toggle chips (each a checkbox to assistive technology); more as a
// searchable multi-select.
const CHIPS_MAX = 12;

export function MultipleChoiceField({ field, id, value, onChange, description, error }: FieldProps<string[]>) {
  const opts = field.options ?? [];
  const selected = value ?? [];
  if (opts.length > CHIPS_MAX) {
    return (
      <MultiSelect
        id={id}
        label={field.label}
        description={description}
        error={error}
        withAsterisk={field.required}
        data={opts}
        value={selected}
        onChange={onChange}
        searchable
        clearable
      />
    );
  }
  // Keep the template's order whatever order they were clicked in.
  const ordered = (vals: string[]) => opts.map((o) => o.value).filter((v) => vals.includes(v));
  return (
    <Input.Wrapper
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      labelElement="div"
    >
      <Chip.Group multiple value={selected} onChange={(v) => onChange(ordered(v))}>
        <Group gap={6} mt={6} role="group" aria-label={field.label}>
          {opts.map((o, i) => (
            <Chip key={o.value} value={o.value} id={i === 0 ? id : undefined} size="sm">
              {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}
