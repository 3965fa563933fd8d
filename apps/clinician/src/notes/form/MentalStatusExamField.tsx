import { MSE_DOMAINS } from '@hearth/content';
import { Button, Checkbox, Fieldset, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { allNormalMse, appendFinding, type MseDomainKey, type MseValue } from './field-values';
import type { FieldProps } from './types';

/**
 * The mental status exam, changed by exception: every domain starts "within normal limits" with
 * the standard wording; unticking Normal asks for the finding.
 */
export function MentalStatusExamField({ field, id, value, onChange, description, error }: FieldProps<MseValue>) {
  const v = value ?? allNormalMse();
  const set = (k: MseDomainKey, entry: { normal: boolean; finding?: string }) => onChange({ ...v, [k]: entry });
  const changed = MSE_DOMAINS.filter((d) => v[d.key]?.normal === false).length;
  return (
    <Fieldset
      legend={
        <Text fw={500} span>
          {field.label}
          {field.required ? <Text span c="red" aria-hidden="true"> *</Text> : null}
        </Text>
      }
      variant="filled"
    >
      <Stack gap="xs">
        {description ? <Text size="sm" c="dimmed">{description}</Text> : null}
        <Text size="sm" c="dimmed">
          {changed === 0
            ? 'All domains within normal limits. Untick a domain to describe a finding.'
            : `${changed} domain${changed === 1 ? '' : 's'} with findings; the rest within normal limits.`}
        </Text>
        <Table verticalSpacing={6} aria-label={field.label}>
          <Table.Tbody>
            {MSE_DOMAINS.map((d, i) => {
              const entry = v[d.key] ?? { normal: true };
              return (
                <Table.Tr key={d.key} data-domain={d.key}>
                  <Table.Td w={170} style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {d.label}
                    </Text>
                    <Checkbox
                      id={i === 0 ? id : undefined}
                      mt={4}
                      size="sm"
                      label="Normal"
                      checked={entry.normal}
                      onChange={(e) =>
                        set(d.key, e.currentTarget.checked ? { normal: true } : { normal: false, finding: entry.finding ?? '' })
                      }
                      aria-label={`${d.label}: within normal limits`}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    {entry.normal ? (
                      <Text size="sm" c="dimmed">
                        {d.normalText}
                      </Text>
                    ) : (
                      <Stack gap={4}>
                        <Textarea
                          label={`${d.label} finding`}
                          placeholder={`Describe the ${d.label.toLowerCase()} observed`}
                          autosize
                          minRows={2}
                          maxLength={1000}
                          value={entry.finding ?? ''}
                          onChange={(e) => set(d.key, { normal: false, finding: e.currentTarget.value })}
                          description={entry.finding?.trim() ? undefined : 'Describe the finding, or tick Normal again'}
                        />
                        <Group gap={4} aria-label={`Common ${d.label.toLowerCase()} findings`} role="group">
                          {d.commonFindings.map((f) => (
                            <Button
                              key={f}
                              size="compact-xs"
                              variant="light"
                              color="gray"
                              onClick={() => set(d.key, { normal: false, finding: appendFinding(entry.finding, f) })}
                            >
                              + {f}
                            </Button>
                          ))}
                        </Group>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {error ? (
          <Group>
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

