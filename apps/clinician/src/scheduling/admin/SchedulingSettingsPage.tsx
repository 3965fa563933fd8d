import { ZUpdateSchedulingSettingsRequest, type TPayer, type TSchedulingSettings } from '@hearth/contracts';
import { FormError, LoadingState, PageHeader } from '@hearth/ui';
import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listPayers } from '../../api/practice';
import { schedulingKeys, updateSchedulingSettings, useSchedulingSettings, type TUpdateSchedulingSettings } from '../../api/scheduling';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { PayerFeesTable, type PayerFeeRow } from './PayerFeesTable';

/** Scheduling policy: the late-cancel window, series limits and attendance fees. */
export function SchedulingSettingsPage() {
  useDocumentTitle('Scheduling settings');
  const settings = useSchedulingSettings();
  const payers = useQuery({ queryKey: ['payers'], queryFn: listPayers, staleTime: 5 * 60_000 });
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title="Scheduling settings"
        description="When a cancellation is late, how far series reach, and the fees for no-shows and late cancels."
      />
      <QueryError query={settings} />
      <QueryError query={payers} />
      {settings.isPending || payers.isPending ? <LoadingState label="Loading scheduling settings" /> : null}
      {settings.data && payers.data ? (
        <SettingsForm key={settings.dataUpdatedAt} settings={settings.data} payers={payers.data} />
      ) : null}
    </Stack>
  );
}

const dollars = (cents: number | null) => (cents === null ? '' : cents / 100);
/** Dollars as typed → whole cents, or null for blank. */
const cents = (v: number | string): number | null => (v === '' || v === null ? null : Math.round(Number(v) * 100));
const feeError = (v: number | string) =>
  v !== '' && (!Number.isFinite(Number(v)) || Number(v) < 0 || Number(v) > 1000) ? 'Enter an amount from $0 to $1,000' : null;

function SettingsForm({ settings, payers }: { settings: TSchedulingSettings; payers: TPayer[] }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      lateCancelWindowHours: settings.lateCancelWindowHours as number | string,
      maxSeriesDays: settings.maxSeriesDays as number | string,
      seriesHorizonDays: settings.seriesHorizonDays as number | string,
      noShowFee: dollars(settings.noShowFeeCents) as number | string,
      lateCancelFee: dollars(settings.lateCancelFeeCents) as number | string,
      medicaidFeeExempt: settings.medicaidFeeExempt,
      payerFees: settings.payerFees.map(
        (f): PayerFeeRow => ({ payerId: f.payerId, noShow: dollars(f.noShowFeeCents), lateCancel: dollars(f.lateCancelFeeCents), exempt: f.exempt }),
      ),
    },
    validate: {
      noShowFee: (v) => (v === '' ? 'Enter an amount; $0 for no fee' : feeError(v)),
      lateCancelFee: (v) => (v === '' ? 'Enter an amount; $0 for no fee' : feeError(v)),
    },
  });

  const payerErrors: Record<string, string> = {};
  for (const r of form.values.payerFees) {
    const ns = feeError(r.noShow);
    const lc = feeError(r.lateCancel);
    if (ns) payerErrors[`${r.payerId}.noShow`] = ns;
    if (lc) payerErrors[`${r.payerId}.lateCancel`] = lc;
  }

  const { onSubmit, general, setGeneral } = useFormSubmit(form, {
    toRequest: (v): TUpdateSchedulingSettings => ({
      lateCancelWindowHours: Number(v.lateCancelWindowHours),
      maxSeriesDays: Number(v.maxSeriesDays),
      seriesHorizonDays: Number(v.seriesHorizonDays),
      noShowFeeCents: cents(v.noShowFee) ?? 0,
      lateCancelFeeCents: cents(v.lateCancelFee) ?? 0,
      medicaidFeeExempt: v.medicaidFeeExempt,
      // Only payers that differ from the practice's policy are kept as overrides.
      payerFees: v.payerFees
        .filter((r) => r.exempt || r.noShow !== '' || r.lateCancel !== '')
        .map((r) => ({
          payerId: r.payerId,
          exempt: r.exempt,
          noShowFeeCents: r.exempt ? null : cents(r.noShow),
          lateCancelFeeCents: r.exempt ? null : cents(r.lateCancel),
        })),
    }),
    schema: ZUpdateSchedulingSettingsRequest,
    save: async (req) => {
      if (Object.keys(payerErrors).length > 0) {
        setGeneral('Check the fees by payer.');
        return;
      }
      const saved = await updateSchedulingSettings(req);
      queryClient.setQueryData(schedulingKeys.settings, saved);
      notifications.show({ color: 'teal', title: 'Scheduling settings saved', message: 'New bookings and status changes use them now.' });
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormError message={general} />
        <Card component="section" aria-labelledby="policy-heading">
          <Title order={2} id="policy-heading" mb="sm">
            Cancellations and series
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label="Late-cancel window (hours)"
              description="A patient cancelling closer than this to the start is a late cancel."
              min={0}
              max={168}
              allowDecimal={false}
              {...form.getInputProps('lateCancelWindowHours')}
              data-testid="settings-window"
            />
            <NumberInput
              label="Longest series (days)"
              description="A series may not reach further than this from its first session (730 = two years)."
              min={7}
              max={3660}
              allowDecimal={false}
              {...form.getInputProps('maxSeriesDays')}
            />
            <NumberInput
              label="Booked ahead for open-ended series (days)"
              description="Series without an end are kept booked this far ahead and extended automatically."
              min={28}
              max={730}
              allowDecimal={false}
              {...form.getInputProps('seriesHorizonDays')}
            />
          </SimpleGrid>
        </Card>
        <Card component="section" aria-labelledby="fees-heading">
          <Title order={2} id="fees-heading" mb={4}>
            Attendance fees
          </Title>
          <Text c="dimmed" mb="sm">
            Charged to the patient, never billed to insurance. $0 means no fee. Staff can waive a fee when recording a no-show or late cancel.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="sm">
            <NumberInput label="No-show fee" prefix="$" min={0} max={1000} decimalScale={2} {...form.getInputProps('noShowFee')} data-testid="settings-no-show-fee" />
            <NumberInput label="Late-cancel fee" prefix="$" min={0} max={1000} decimalScale={2} {...form.getInputProps('lateCancelFee')} />
          </SimpleGrid>
          <Switch
            label="Medicaid patients are exempt (unless a payer below sets its own fee)"
            {...form.getInputProps('medicaidFeeExempt', { type: 'checkbox' })}
            mb="md"
          />
          <Title order={3} mb="xs">
            Fees by payer
          </Title>
          <PayerFeesTable
            payers={payers}
            rows={form.values.payerFees}
            onChange={(rows) => form.setFieldValue('payerFees', rows)}
            errors={payerErrors}
          />
        </Card>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            Discard changes
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="settings-save">
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
