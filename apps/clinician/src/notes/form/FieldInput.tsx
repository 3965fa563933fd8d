import type { TDiagnosisRef } from '@hearth/contracts';
import { ChecklistField } from './ChecklistField';
import { DateField, TimeField } from './DateTimeFields';
import { DiagnosesField } from './DiagnosesField';
import { GoalProgressField, type GoalProgressRow } from './GoalProgressField';
import { InterventionsField } from './InterventionsField';
import { MentalStatusExamField } from './MentalStatusExamField';
import type { MseValue } from './field-values';
import { MultipleChoiceField } from './MultipleChoiceField';
import { NumberField } from './NumberField';
import { RiskAssessmentField, type RiskDraft } from './RiskAssessmentField';
import { SingleChoiceField } from './SingleChoiceField';
import { TextField } from './TextField';
import type { FieldProps } from './types';

// The value arrives as `unknown` (content is loosely typed JSON); each component takes its own shape.
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const arr = <T,>(v: unknown) => (Array.isArray(v) ? (v as T[]) : undefined);
const obj = <T,>(v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as T) : undefined);

/** The input for one template field, chosen by its type. */
export function FieldInput(props: FieldProps<unknown>) {
  const { value, onChange, ...rest } = props;
  const set = (v: unknown) => onChange(v);
  switch (props.field.type) {
    case 'short_text':
    case 'long_text':
      return <TextField {...rest} value={str(value)} onChange={set} />;
    case 'single_choice':
      return <SingleChoiceField {...rest} value={str(value)} onChange={set} />;
    case 'multiple_choice':
      return <MultipleChoiceField {...rest} value={strs(value)} onChange={set} />;
    case 'checklist':
      return <ChecklistField {...rest} value={strs(value)} onChange={set} />;
    case 'number':
      return <NumberField {...rest} value={typeof value === 'number' ? value : undefined} onChange={set} />;
    case 'date':
      return <DateField {...rest} value={str(value)} onChange={set} />;
    case 'time':
      return <TimeField {...rest} value={str(value)} onChange={set} />;
    case 'diagnoses':
      return <DiagnosesField {...rest} value={arr<TDiagnosisRef>(value)} onChange={set} />;
    case 'goal_progress':
      return <GoalProgressField {...rest} value={arr<GoalProgressRow>(value)} onChange={set} />;
    case 'interventions':
      return <InterventionsField {...rest} value={strs(value)} onChange={set} />;
    case 'risk_assessment':
      return <RiskAssessmentField {...rest} value={obj<RiskDraft>(value)} onChange={set} />;
    case 'mental_status_exam':
      return <MentalStatusExamField {...rest} value={obj<MseValue>(value)} onChange={set} />;
  }
}
