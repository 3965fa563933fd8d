import { ZReplaceHoursRequest, type TLocation, type TWeeklyHours } from '@hearth/contracts';
import { FormError } from '@hearth/ui';
import { ActionIcon, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useReplaceHours } from '../../api/availability';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { useUnsavedChangesGuard } from '../../lib/useUnsavedChangesGuard';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Row {
  key: string;
  locationId: string;
  weekday: number;
  start: string;
  end: string;
  effectiveFrom: string;
  effectiveTo: string;
}
type Values = { hours: Row[] };

const toRow = (h: TWeeklyHours): Row => ({
  key: h.id,
  locationId: h.locationId,
  weekday: h.weekday,
  start: h.start,
  end: h.end,
  effectiveFrom: h.effectiveFrom ?? '',
  effectiveTo: h.effectiveTo ?? '',
});

interface Props {
  clinicianId: string;
  clinicianName: string;
  hours: TWeeklyHours[];
  locations: TLocation[];
  /** Without scheduling.write the grid is read-only. */
  canEdit: boolean;
}

/**
 * The weekly grid: for each weekday, the hours kept at each location (local times in the
 * location's zone), optionally only between two dates. Saving replaces the whole week.
 */
export function HoursEditor({ clinicianId, clinicianName, hours, locations, canEdit }: Props) {
  const replace = useReplaceHours();
  const active = locations.filter((l) => l.active);
  const form = useForm<Values>({ initialValues: { hours: hours.map(toRow) } });
  const { prompt, allowNavigation } = useUnsavedChangesGuard(canEdit && form.isDirty());
  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) => ({
      hours: v.hours.map((r) => ({
        locationId: r.locationId,
        weekday: r.weekday,
        start: r.start,
        end: r.end,
        effectiveFrom: r.effectiveFrom || null,
        effectiveTo: r.effectiveTo || null,
      })),
    }),
    schema: ZReplaceHoursRequest,
    save: async (body) => {
      const saved = await replace.mutateAsync({ clinicianId, body });
      allowNavigation();
      form.setInitialValues({ hours: saved.hours.map(toRow) });
      form.setValues({ hours: saved.hours.map(toRow) });
      notifications.show({ color: 'green', message: `Working hours saved for ${clinicianName}.` });
    },
  });

  const locationOptions = active.map((l) => ({ value: l.id, label: l.name }));
  const addRow = (weekday: number) => {
    const last = form.values.hours.filter((r) => r.weekday === weekday).at(-1);
    form.insertListItem('hours', {
      key: randomId(),
      weekday,
      locationId: last?.locationId ?? active[0]?.id ?? '',
      start: last ? last.end : '09:00',
      end: last ? '' : '17:00',
      effectiveFrom: '',
      effectiveTo: '',
    } satisfies Row);
  };
  // Monday's hours become Tuesday to Friday's (a common week), replacing what those days had.
  const copyMonday = () => {
    const monday = form.values.hours.filter((r) => r.weekday === 1);
    const rest = form.values.hours.filter((r) => r.weekday < 2 || r.weekday > 5);
    const copies = [2, 3, 4, 5].flatMap((weekday) => monday.map((r) => ({ ...r, key: randomId(), weekday })));
    form.setFieldValue('hours', [...rest, ...copies]);
  };

  const indexed = form.values.hours.map((row, index) => ({ row, index }));
  return (
    <Card component="section" aria-labelledby="weekly-hours-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={2} size="h3" id="weekly-hours-title">
                Weekly hours
              </Title>
              <Text size="sm" c="dimmed">
                Local times at each location. Bookings outside these hours are allowed but flagged; “Find a slot” offers only these
                hours.
              </Text>
            </div>
            {canEdit ? (
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<IconCopy size={14} aria-hidden="true" />}
                onClick={copyMonday}
                disabled={!form.values.hours.some((r) => r.weekday === 1)}
              >
                Copy Monday to Tuesday–Friday
              </Button>
            ) : null}
          </Group>
          <FormError message={general} testId="hours-error" />
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={6} data-testid="hours-grid">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>Day</Table.Th>
                  <Table.Th miw={190}>Location</Table.Th>
                  <Table.Th w={120}>Start</Table.Th>
                  <Table.Th w={120}>End</Table.Th>
                  <Table.Th w={160}>From (optional)</Table.Th>
                  <Table.Th w={160}>Until (optional)</Table.Th>
                  <Table.Th w={50}>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {WEEKDAYS.map((dayName, d) => {
                  const weekday = d + 1;
                  const rows = indexed.filter((x) => x.row.weekday === weekday);
                  const add = canEdit ? (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={14} aria-hidden="true" />}
                      onClick={() => addRow(weekday)}
                      aria-label={`Add hours on ${dayName}`}
                      data-testid={`add-hours-${weekday}`}
                    >
                      Add hours
                    </Button>
                  ) : null;
                  if (!rows.length) {
                    return (
                      <Table.Tr key={weekday}>
                        <Table.Td fw={500}>{dayName}</Table.Td>
                        <Table.Td colSpan={6}>
                          <Group gap="sm">
                            <Text size="sm" c="dimmed">
                              Not working
                            </Text>
                            {add}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  }
                  return rows.map(({ row, index }, k) => (
                    <Table.Tr key={row.key} data-testid={`hours-row-${weekday}`}>
                      <Table.Td fw={500} style={{ verticalAlign: 'top' }}>
                        {k === 0 ? dayName : null}
                        {k === rows.length - 1 ? <div>{add}</div> : null}
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Select
                          aria-label={`${dayName} hours ${k + 1}: location`}
                          data={locationOptions}
                          allowDeselect={false}
                          disabled={!canEdit}
                          {...form.getInputProps(`hours.${index}.locationId`)}
                        />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <TextInput
                          type="time"
                          aria-label={`${dayName} hours ${k + 1}: start`}
                          disabled={!canEdit}
                          {...form.getInputProps(`hours.${index}.start`)}
                        />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <TextInput
                          type="time"
                          aria-label={`${dayName} hours ${k + 1}: end`}
                          disabled={!canEdit}
                          {...form.getInputProps(`hours.${index}.end`)}
                        />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <TextInput
                          type="date"
                          aria-label={`${dayName} hours ${k + 1}: from date`}
                          disabled={!canEdit}
                          {...form.getInputProps(`hours.${index}.effectiveFrom`)}
                        />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <TextInput
                          type="date"
                          aria-label={`${dayName} hours ${k + 1}: until date`}
                          disabled={!canEdit}
                          {...form.getInputProps(`hours.${index}.effectiveTo`)}
                        />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        {canEdit ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${dayName} hours ${k + 1}`}
                            onClick={() => form.removeListItem('hours', index)}
                          >
                            <IconTrash size={16} aria-hidden="true" />
                          </ActionIcon>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ));
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {canEdit ? (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                Undo changes
              </Button>
              <Button type="submit" loading={form.submitting} data-testid="hours-save">
                Save hours
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      {prompt}
    </Card>
  );
}
