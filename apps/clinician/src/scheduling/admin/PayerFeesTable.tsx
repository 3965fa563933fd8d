import type { TPayer } from '@hearth/contracts';
import { Checkbox, NumberInput, Table, Text } from '@mantine/core';

/** One payer's override as edited: dollars as typed ('' = the practice default). */
export interface PayerFeeRow {
  payerId: string;
  noShow: number | string;
  lateCancel: number | string;
  exempt: boolean;
}

interface Props {
  payers: TPayer[];
  rows: PayerFeeRow[];
  onChange: (rows: PayerFeeRow[]) => void;
  errors: Record<string, string>;
}

export const blankRow = (payerId: string): PayerFeeRow => ({ payerId, noShow: '', lateCancel: '', exempt: false });

/** Per-payer fees: exempt, or a different amount than the practice's; blank keeps the default. */
export function PayerFeesTable({ payers, rows, onChange, errors }: Props) {
  const rowFor = (id: string) => rows.find((r) => r.payerId === id) ?? blankRow(id);
  const update = (id: string, patch: Partial<PayerFeeRow>) =>
    onChange([...rows.filter((r) => r.payerId !== id), { ...rowFor(id), ...patch }]);

  if (payers.length === 0) return <Text c="dimmed">No payers yet. Add them under Practice settings.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Fees by payer" data-testid="payer-fees">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Payer</Table.Th>
            <Table.Th>Exempt</Table.Th>
            <Table.Th>No-show fee ($)</Table.Th>
            <Table.Th>Late-cancel fee ($)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payers.map((p) => {
            const r = rowFor(p.id);
            return (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {p.name}
                  {p.kind === 'medicaid' ? (
                    <Text size="sm" c="dimmed">
                      Medicaid
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${p.name}: no attendance fees`}
                    checked={r.exempt}
                    onChange={(e) => update(p.id, { exempt: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${p.name}: no-show fee in dollars`}
                    placeholder="Practice default"
                    min={0}
                    max={1000}
                    decimalScale={2}
                    prefix="$"
                    disabled={r.exempt}
                    value={r.noShow}
                    onChange={(v) => update(p.id, { noShow: v })}
                    error={errors[`${p.id}.noShow`]}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${p.name}: late-cancel fee in dollars`}
                    placeholder="Practice default"
                    min={0}
                    max={1000}
                    decimalScale={2}
                    prefix="$"
                    disabled={r.exempt}
                    value={r.lateCancel}
                    onChange={(v) => update(p.id, { lateCancel: v })}
                    error={errors[`${p.id}.lateCancel`]}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
