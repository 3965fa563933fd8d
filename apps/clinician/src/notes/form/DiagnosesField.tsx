import type { TDiagnosisRef } from '@hearth/contracts';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { userMessageFor } from '../../api/client';
import { useMemo } from 'react';
import { useAddProblem, useProblems } from '../../api/diagnoses';
import { addDiagnosis } from './diagnosis-model';
import { DiagnosisList } from './DiagnosisList';
import { DiagnosisPicker } from './DiagnosisPicker';
import type { FieldProps } from './types';

const MAX = 12;

/** A diagnoses field of the template: pick from the problem list or ICD-10-CM, in order. */
export function DiagnosesField({ field, id, value, onChange, description, error, ctx }: FieldProps<TDiagnosisRef[]>) {
  const list = value ?? [];
  return (
    <Stack gap={6}>
      <DiagnosisPicker
        id={id}
        label={field.label}
        description={description}
        error={error}
        required={field.required}
        patientId={ctx.patientId}
        serviceDate={ctx.serviceDate}
        chosen={list.map((d) => d.code)}
        disabled={list.length >= MAX}
        onPick={(d) => onChange(addDiagnosis(list, d))}
      />
      <ProblemAwareList patientId={ctx.patientId} value={list} onChange={onChange} label={field.label} />
    </Stack>
  );
}

/** The ordered list, offering "Add to problem list" for codes the patient's list does not have. */
export function ProblemAwareList({
  patientId,
  value,
  onChange,
  label,
  markPrimary,
}: {
  patientId?: string;
  value: TDiagnosisRef[];
  onChange: (v: TDiagnosisRef[]) => void;
  label: string;
  markPrimary?: boolean;
}) {
  const problems = useProblems(patientId);
  const add = useAddProblem(patientId ?? '');
  const codes = useMemo(() => new Set((problems.data ?? []).map((p) => p.code)), [problems.data]);
  return (
    <DiagnosisList
      value={value}
      onChange={onChange}
      label={label}
      markPrimary={markPrimary}
      problemCodes={patientId && problems.data ? codes : undefined}
      onAddToProblems={
        patientId && !add.isPending
          ? (d) =>
              add.mutate(
                { code: d.code, status: 'active' },
                {
                  onSuccess: () => notifications.show({ color: 'teal', title: 'Added to the problem list', message: d.code }),
                  onError: (e) => notifications.show({ color: 'red', title: 'Could not add to the problem list', message: userMessageFor(e) }),
                },
              )
          : undefined
      }
    />
  );
}
