import type { TTemplateDefinition } from '@hearth/contracts';
import { Card, List, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconCircle, IconCircleCheck } from '@tabler/icons-react';
import { fieldDomId } from '../form/field-values';
import { missingLabel } from './missing';

interface Props {
  missing: readonly { field: string; message: string }[];
  definition: TTemplateDefinition;
  /** When the list was last checked by the server (it follows each autosave). */
  pendingSave: boolean;
}

/** Moves focus to the field the server named (its first control), scrolled into view. */
export function focusField(path: string) {
  // A field of a switched-off optional section is not on the page: go to the section (its switch).
  const section = /^content\.([a-z][a-z0-9_]*)\./.exec(path)?.[1];
  const el =
    document.getElementById(fieldDomId(path)) ??
    (section ? document.querySelector<HTMLElement>(`[data-section="${section}"]`) : null);
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const target = el.matches('input, textarea, select, button, [tabindex]')
    ? el
    : el.querySelector<HTMLElement>('input, textarea, select, button, [tabindex]');
  (target ?? el).focus({ preventScroll: true });
  return true;
}

/** "Required to sign": what the server still misses, each a link to its field; updated after every autosave. */
export function RequiredChecklist({ missing, definition, pendingSave }: Props) {
  return (
    <Card withBorder component="section" aria-labelledby="nf-required-heading" data-testid="required-checklist">
      <Title order={3} id="nf-required-heading" mb={6}>
        Required to sign
      </Title>
      {missing.length === 0 ? (
        <Text size="sm">
          <ThemeIcon size={18} variant="light" color="teal" mr={6} style={{ verticalAlign: 'middle' }}>
            <IconCircleCheck size={14} aria-hidden="true" />
          </ThemeIcon>
          Everything required is filled in{pendingSave ? ' (checking your latest changes)' : ''}.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb={4}>
            {missing.length} item{missing.length === 1 ? '' : 's'} left{pendingSave ? ' (updated after saving)' : ''}:
          </Text>
          <List
            spacing={4}
            size="sm"
            icon={<IconCircle size={12} aria-hidden="true" color="var(--mantine-color-gray-6)" />}
          >
            {missing.map((m) => (
              <List.Item key={m.field + m.message}>
                <UnstyledButton
                  onClick={() => focusField(m.field)}
                  style={{ textDecoration: 'underline', fontSize: 'var(--mantine-font-size-sm)' }}
                >
                  {missingLabel(m, definition)}
                </UnstyledButton>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
