import type { TAttendanceGroupBy, TAttendanceRates, TAttendanceReport } from '@hearth/contracts';
import { PageHeader } from '@hearth/ui';
import { BarChart, LineChart } from '@mantine/charts';
// Imported here rather than in main.tsx: the charts' styles (and code) load only with this page.
import '@mantine/charts/styles.css';
import { Alert, Card, Group, Loader, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useAttendanceReport, type AttendanceReportParams } from '../api/engagement';
import { QueryError } from '../components/QueryError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { addDays, isLocalDate, todayIn } from '../scheduling/time';

// The practice's attendance dashboard: no-show and late-cancel rates (of kept + missed appointments)
// by clinician, weekday, hour, appointment type and payer, and over time. Every chart has its
// numbers in a table beneath it, and the two rates differ by pattern and name, not only colour.

const NO_SHOW = { name: 'noShowRate', label: 'No-show rate', color: 'red.7' };
const LATE = { name: 'lateCancelRate', label: 'Late-cancel rate', color: 'yellow.8' };

const today = () => todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The server's limit is 1096 days; three calendar years fit. */
const MAX_RANGE_DAYS = 1095;

/** What is wrong with a date range, in words, or null. */
function rangeProblem(from: string, to: string): string | null {
  if (!isLocalDate(from) || !isLocalDate(to)) return 'Choose a start and an end date.';
  if (from > to) return 'The end must not be before the start.';
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS)
    return 'Choose a range of at most three years.';
  return null;
}

const pct = (v: number | null) => (v === null ? '–' : `${v}%`);
const percent = (v: number) => `${v}%`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A short axis label for a period: "Aug 24" for a week, "Aug 2026" for a month. */
const periodTick = (period: string, interval: 'week' | 'month') =>
  `${MONTHS[Number(period.slice(5, 7)) - 1]} ${interval === 'week' ? Number(period.slice(8, 10)) : period.slice(0, 4)}`;

const BREAKDOWNS: { groupBy: TAttendanceGroupBy; title: string; horizontal: boolean }[] = [
  { groupBy: 'clinician', title: 'By clinician', horizontal: true },
  { groupBy: 'weekday', title: 'By weekday', horizontal: false },
  { groupBy: 'hour', title: 'By hour of the day', horizontal: false },
  { groupBy: 'appointment_type', title: 'By appointment type', horizontal: true },
  { groupBy: 'payer', title: 'By payer', horizontal: true },
];

export function AttendanceDashboardPage() {
  useDocumentTitle('Attendance dashboard');
  const { filters, set } = useRememberedFilters('engagement.attendanceReport', {
    from: addDays(today(), -89),
    to: today(),
    interval: '',
    page: 1,
  });
  const problem = rangeProblem(filters.from, filters.to);
  const base = !problem
    ? {
        from: filters.from,
        to: filters.to,
        interval: (filters.interval || undefined) as AttendanceReportParams['interval'],
      }
    : null;
  const overall = useAttendanceReport(base ? { ...base, groupBy: 'month' } : null);

  return (
    <>
      <PageHeader
        title="Attendance dashboard"
        description="No-show and late-cancel rates as a share of kept and missed appointments (group sessions count once per member). Weekday and hour are each appointment's local time."
      />
      <Card mb="md">
        <form aria-label="Date range" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="From"
              type="date"
              value={filters.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
              data-testid="report-from"
            />
            <TextInput
              label="To"
              type="date"
              value={filters.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              error={problem && isLocalDate(filters.from) && isLocalDate(filters.to) ? problem : undefined}
              data-testid="report-to"
            />
            <Select
              label="Over time, by"
              value={filters.interval}
              allowDeselect={false}
              onChange={(v) => set({ interval: v ?? '' })}
              data={[
                { value: '', label: 'Automatic' },
                { value: 'week', label: 'Week' },
                { value: 'month', label: 'Month' },
              ]}
            />
          </SimpleGrid>
        </form>
      </Card>
      {problem ? (
        <Alert color="yellow" mb="md" data-testid="report-range-problem">
          {problem}
        </Alert>
      ) : null}
      <QueryError query={overall} mb="md" />
      {overall.data ? <Totals report={overall.data} /> : null}
      {overall.data ? (
        <OverTime report={overall.data} />
      ) : overall.isPending && base ? (
        <Loader aria-label="Loading the dashboard" />
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mt="md">
        {BREAKDOWNS.map((b) => (
          <Breakdown
            key={b.groupBy}
            params={base ? { ...base, groupBy: b.groupBy } : null}
            title={b.title}
            horizontal={b.horizontal}
          />
        ))}
      </SimpleGrid>
    </>
  );
}

function Totals({ report }: { report: TAttendanceReport }) {
  const t = report.totals;
  const stat = (label: string, value: string, detail: string) => (
    <Card>
      <Text c="dimmed" size="sm">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      <Text c="dimmed" size="sm">
        {detail}
      </Text>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mb="md" data-testid="report-totals">
      {stat('Appointments kept or missed', String(t.total), `${t.kept} kept`)}
      {stat('No-show rate', pct(t.noShowRate), `${t.noShows} no-shows`)}
      {stat('Late-cancel rate', pct(t.lateCancelRate), `${t.lateCancels} late cancels`)}
    </SimpleGrid>
  );
}

function OverTime({ report }: { report: TAttendanceReport }) {
  const data = report.series.map((s) => ({
    label: periodTick(s.period, report.interval),
    noShowRate: s.noShowRate,
    lateCancelRate: s.lateCancelRate,
  }));
  return (
    <Card component="section" aria-labelledby="report-over-time">
      <Title order={2} id="report-over-time" mb="sm">
        Over time, by {report.interval}
      </Title>
      {report.totals.total === 0 ? (
        <Text c="dimmed">No kept or missed appointments in this range.</Text>
      ) : (
        <LineChart
          h={260}
          data={data}
          dataKey="label"
          series={[NO_SHOW, { ...LATE, strokeDasharray: '6 4' }]}
          curveType="linear"
          valueFormatter={percent}
          withLegend
          connectNulls
          aria-label={`No-show and late-cancel rates by ${report.interval}`}
        />
      )}
      <Numbers rows={report.series} firstColumn={report.interval === 'week' ? 'Week' : 'Month'} />
    </Card>
  );
}

function Breakdown({
  params,
  title,
  horizontal,
}: {
  params: AttendanceReportParams | null;
  title: string;
  horizontal: boolean;
}) {
  const query = useAttendanceReport(params);
  const buckets = query.data?.buckets ?? [];
  const id = `report-${params?.groupBy ?? title}`;
  return (
    <Card component="section" aria-labelledby={id} data-testid={`report-${params?.groupBy}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id={id}>
          {title}
        </Title>
        {query.isFetching ? <Loader size="xs" aria-label={`Loading ${title.toLowerCase()}`} /> : null}
      </Group>
      <QueryError query={query} />
      {query.data && buckets.length === 0 ? (
        <Text c="dimmed">No kept or missed appointments in this range.</Text>
      ) : null}
      {buckets.length > 0 ? (
        <BarChart
          h={horizontal ? Math.max(160, 50 + buckets.length * 44) : 240}
          data={buckets.map((b) => ({
            label: b.label,
            noShowRate: b.noShowRate ?? 0,
            lateCancelRate: b.lateCancelRate ?? 0,
          }))}
          dataKey="label"
          series={[NO_SHOW, LATE]}
          orientation={horizontal ? 'vertical' : 'horizontal'}
          yAxisProps={horizontal ? { width: 150 } : undefined}
          valueFormatter={percent}
          withLegend
          aria-label={`No-show and late-cancel rates ${title.toLowerCase()}`}
        />
      ) : null}
      {buckets.length > 0 ? (
        <Numbers
          rows={buckets}
          firstColumn={title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}
        />
      ) : null}
    </Card>
  );
}

/** The chart's numbers as a table, folded away, for screen readers and exact figures. */
function Numbers({
  rows,
  firstColumn,
}: {
  rows: (TAttendanceRates & { label: string })[];
  firstColumn: string;
}) {
  return (
    <details style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
      <summary>Show the numbers</summary>
      <Table.ScrollContainer minWidth={480}>
        <Table striped aria-label={`${firstColumn}: attendance numbers`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{firstColumn}</Table.Th>
              <Table.Th>Kept</Table.Th>
              <Table.Th>No-shows</Table.Th>
              <Table.Th>Late cancels</Table.Th>
              <Table.Th>No-show rate</Table.Th>
              <Table.Th>Late-cancel rate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${i}-${r.label}`}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>{r.kept}</Table.Td>
                <Table.Td>{r.noShows}</Table.Td>
                <Table.Td>{r.lateCancels}</Table.Td>
                <Table.Td>{pct(r.noShowRate)}</Table.Td>
                <Table.Td>{pct(r.lateCancelRate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}
