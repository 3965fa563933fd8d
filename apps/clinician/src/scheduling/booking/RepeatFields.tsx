import { Chip, Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { WEEKDAY_LABELS, isWeeklyPattern, repeatOptions, repeatProblem, type RepeatChoice, type RepeatPattern } from './repeat';

const WEEKDAY_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Props {
  value: RepeatChoice;
  startDate: string;
  onChange: (v: RepeatChoice) => void;
}

/** "Repeats" in plain words: the pattern, the weekdays, and when it ends. */
export function RepeatFields({ value, startDate, onChange }: Props) {
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(startDate);
  const options = validDate ? repeatOptions(startDate) : repeatOptions('2027-01-04').slice(0, 4);
  const problem = validDate ? repeatProblem(value, startDate) : null;
  const errorFor = (f: string) => (problem?.field === f ? problem.message : undefined);
  const set = (patch: Partial<RepeatChoice>) => onChange({ ...value, ...patch });

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Repeats"
          data={options}
          value={value.pattern}
          onChange={(p) => p && set({ pattern: p as RepeatPattern })}
          allowDeselect={false}
          w={260}
          data-testid="booking-repeat"
        />
        {value.pattern === 'every_n_weeks' ? (
          <NumberInput
            label="Every how many weeks"
            min={1}
            max={52}
            allowDecimal={false}
            value={value.everyWeeks}
            onChange={(n) => set({ everyWeeks: typeof n === 'number' ? n : Number(n) || 0 })}
            error={errorFor('everyWeeks')}
            w={180}
          />
        ) : null}
      </Group>

      {isWeeklyPattern(value.pattern) ? (
        <div role="group" aria-labelledby="repeat-weekdays-label">
          <Text id="repeat-weekdays-label" size="sm" fw={500} mb={4}>
            On these days
          </Text>
          <Chip.Group
            multiple
            value={value.weekdays.map(String)}
            onChange={(days) => set({ weekdays: days.map(Number).sort((a, b) => a - b) })}
          >
            <Group gap={6}>
              {WEEKDAY_LABELS.map((d, i) => (
                <Chip key={d} value={String(i + 1)} size="sm" aria-label={WEEKDAY_FULL[i]}>
                  {d}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errorFor('weekdays') ? (
            <Text c="red.9" size="sm" mt={4} role="alert">
              {errorFor('weekdays')}
            </Text>
          ) : null}
        </div>
      ) : null}

      {value.pattern !== 'none' ? (
        <Radio.Group
          label="Ends"
          value={value.end}
          onChange={(e) => set({ end: e as RepeatChoice['end'] })}
        >
          <Stack gap={6} mt={4}>
            <Radio value="never" label="Never (kept booked months ahead and extended automatically)" />
            <Group gap="xs" align="center">
              <Radio value="on" label="On" />
              <TextInput
                type="date"
                aria-label="Last date of the series"
                value={value.until}
                min={validDate ? startDate : undefined}
                onChange={(e) => set({ until: e.currentTarget.value, end: 'on' })}
                error={errorFor('until')}
                w={170}
              />
            </Group>
            <Group gap="xs" align="center">
              <Radio value="after" label="After" />
              <NumberInput
                aria-label="Number of sessions"
                min={1}
                max={1000}
                allowDecimal={false}
                value={value.count}
                onChange={(n) => set({ count: typeof n === 'number' ? n : Number(n) || 0, end: 'after' })}
                error={errorFor('count')}
                w={100}
              />
              <Text size="sm">sessions</Text>
            </Group>
          </Stack>
        </Radio.Group>
      ) : null}
    </Stack>
  );
}
