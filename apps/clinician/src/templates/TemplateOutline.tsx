import type { TTemplateDefinition, TTemplateField } from '@hearth/contracts';
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { FIELD_TYPES, PAYER_ELEMENTS } from './editor-model';

const typeLabel = (t: TTemplateField['type']) => FIELD_TYPES.find((x) => x.value === t)?.label ?? t;

function details(f: TTemplateField): string {
  if (f.options?.length) return f.options.map((o) => o.label).join(', ');
  if (f.type === 'number' && (f.min !== undefined || f.max !== undefined))
    return [f.min !== undefined ? `from ${f.min}` : null, f.max !== undefined ? `to ${f.max}` : null].filter(Boolean).join(' ');
  if (f.maxLength !== undefined) return `Up to ${f.maxLength.toLocaleString('en-US')} characters`;
  return '';
}

/** A read-only outline of a template: its sections and, for each field, the type, flags and choices. */
export function TemplateOutline({ definition, isGroup }: { definition: TTemplateDefinition; isGroup: boolean }) {
  return (
    <Stack gap="md" data-testid="template-outline">
      {definition.sections.map((s, i) => (
        <Card key={`${s.key}-${i}`} component="section" aria-labelledby={`outline-${i}`} withBorder>
          <Group gap="xs" mb={4}>
            <Title order={2} size="h4" id={`outline-${i}`}>
              {s.title}
            </Title>
            {s.optional ? (
              <Badge variant="outline" color="gray" tt="none" radius="sm">
                Optional
              </Badge>
            ) : null}
            {isGroup ? (
              <Badge variant="light" color={s.scope === 'member' ? 'indigo' : 'gray'} tt="none" radius="sm">
                {s.scope === 'member' ? 'Per member' : s.scope === 'shared' ? 'Shared' : 'Whole note'}
              </Badge>
            ) : null}
          </Group>
          {s.help ? (
            <Text c="dimmed" size="sm" mb="xs">
              {s.help}
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`Fields of ${s.title}`} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="38%">Field</Table.Th>
                  <Table.Th w="16%">Type</Table.Th>
                  <Table.Th w="10%">Required</Table.Th>
                  <Table.Th w="14%">Payer element</Table.Th>
                  <Table.Th w="22%">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.fields.map((f, j) => (
                  <Table.Tr key={`${f.key}-${j}`}>
                    <Table.Td>
                      <Text fw={500}>{f.label}</Text>
                      {f.help ? (
                        <Text size="sm" c="dimmed">
                          {f.help}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{typeLabel(f.type)}</Table.Td>
                    <Table.Td>{f.required ? 'Yes' : 'No'}</Table.Td>
                    <Table.Td>{f.element ? (PAYER_ELEMENTS.find((e) => e.value === f.element)?.label ?? f.element) : ''}</Table.Td>
                    <Table.Td>{details(f)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
    </Stack>
  );
}
