import { Group, Radio, Select } from '@mantine/core';
import type { FieldProps } from './types';

// A few choices read best as radio buttons (one click, all visible); a long list as a searchable select.
const RADIO_MAX = 6;

export function SingleChoiceField({ field, id, value, onChange, description, error }: FieldProps<string>) {
  const opts = field.options ?? [];
  if (opts.length <= RADIO_MAX) {
    return (
      <Radio.Group
        label={field.label}
        description={description}
        error={error}
        withAsterisk={field.required}
        value={value ?? ''}
        onChange={onChange}
      >
        <Group gap="md" mt={6}>
          {opts.map((o, i) => (
            <Radio key={o.value} value={o.value} label={o.label} id={i === 0 ? id : undefined} />
          ))}
        </Group>
      </Radio.Group>
    );
  }
  return (
    <Select
      id={id}
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      data={opts}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      clearable={!field.required}
    />
  );
}
