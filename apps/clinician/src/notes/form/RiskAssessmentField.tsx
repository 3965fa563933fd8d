import { Fieldset, Group, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { RISK_LABELS, RISK_QUESTION_LABELS } from './labels';
import type { FieldProps } from './types';

type Choice = keyof typeof RISK_LABELS;
type TextKey = 'riskFactors' | 'protectiveFactors' | 'actions';
/** While being filled in, any answer may still be missing; it is saved once the required ones are given. */
export type RiskDraft = Partial<Record<Choice, string>> & Partial<Record<TextKey, string>>;

const CHOICES: Choice[] = ['suicidalIdeation', 'suicideAttemptHistory', 'homicidalIdeation', 'selfHarm', 'riskLevel', 'safetyPlan'];
const TEXTS: TextKey[] = ['riskFactors', 'protectiveFactors', 'actions'];
const OPTIONAL: ReadonlySet<string> = new Set(['suicideAttemptHistory']);

/** The structured risk assessment: ideation, history, self-harm, overall level, safety plan, factors, actions. */
export function RiskAssessmentField({ field, id, value, onChange, description, error }: FieldProps<RiskDraft>) {
  const v = value ?? {};
  const set = (patch: RiskDraft) => onChange({ ...v, ...patch });
  const elevated = v.riskLevel === 'high' || v.riskLevel === 'imminent';
  return (
    <Fieldset
      legend={
        <Text fw={500} span>
          {field.label}
          {field.required ? <Text span c="red" aria-hidden="true"> *</Text> : null}
        </Text>
      }
      variant="filled"
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <Stack gap="sm">
        {description ? <Text size="sm" c="dimmed">{description}</Text> : null}
        {CHOICES.map((k, i) => (
          <Radio.Group
            key={k}
            label={RISK_QUESTION_LABELS[k]}
            withAsterisk={!OPTIONAL.has(k)}
            value={v[k] ?? ''}
            onChange={(val) => set({ [k]: val })}
          >
            <Group gap="md" mt={4}>
              {Object.entries(RISK_LABELS[k]).map(([value, label], j) => (
                <Radio key={value} value={value} label={label} id={i === 0 && j === 0 ? id : undefined} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {TEXTS.map((k) => (
            <Textarea
              key={k}
              label={RISK_QUESTION_LABELS[k]}
              autosize
              minRows={2}
              maxLength={2000}
              value={v[k] ?? ''}
              onChange={(e) => set({ [k]: e.currentTarget.value })}
              description={k === 'actions' && elevated ? 'Risk is high: say what was done (safety plan, contacts, referral).' : undefined}
            />
          ))}
        </SimpleGrid>
        {error ? (
          <Text size="sm" c="red" id={`${id}-error`} role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
