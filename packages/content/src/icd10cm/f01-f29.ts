import { H, type Row } from './rows.js';

// ICD-10-CM chapter 5, F01-F09 (mental disorders due to known physiological conditions) and
// F20-F29 (schizophrenia and other psychotic disorders). F10-F19 are in f10-f19.ts.

/**
 * F01-F03 share one structure since FY2023: a severity (unspecified, mild, moderate, severe), then
 * without disturbance, with behavioral disturbance (agitation, other), psychotic, mood, anxiety.
 */
function dementia(category: string, name: string, unspecifiedSeverity: string): Row[] {
  const rows: Row[] = [[category, name, H]];
  const severities: [string, string][] = [[unspecifiedSeverity, 'unspecified severity'], ['A', 'mild'], ['B', 'moderate'], ['C', 'severe']];
  for (const [s, severity] of severities) {
    const at = `${category}.${s}`;
    const t = `${name}, ${severity}`;
    rows.push(
      [at, t, H],
      [`${at}0`, `${t}, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety`],
      [`${at}1`, `${t}, with behavioral disturbance`, H],
      [`${at}11`, `${t}, with agitation`],
      [`${at}18`, `${t}, with other behavioral disturbance`],
      [`${at}2`, `${t}, with psychotic disturbance`],
      [`${at}3`, `${t}, with mood disturbance`],
      [`${at}4`, `${t}, with anxiety`],
    );
  }
  return rows;
}

export const F01_F09: readonly Row[] = [
  ...dementia('F01', 'Vascular dementia', '5'),
  ...dementia('F02', 'Dementia in other diseases classified elsewhere', '8'),
  ...dementia('F03', 'Unspecified dementia', '9'),
  ['F04', 'Amnestic disorder due to known physiological condition'],
  ['F05', 'Delirium due to known physiological condition'],
  ['F06', 'Other mental disorders due to known physiological condition', H],
  ['F06.0', 'Psychotic disorder with hallucinations due to known physiological condition'],
  ['F06.1', 'Catatonic disorder due to known physiological condition'],
  ['F06.2', 'Psychotic disorder with delusions due to known physiological condition'],
  ['F06.3', 'Mood disorder due to known physiological condition', H],
  ['F06.30', 'Mood disorder due to known physiological condition, unspecified'],
  ['F06.31', 'Mood disorder due to known physiological condition with depressive features'],
  ['F06.32', 'Mood disorder due to known physiological condition with major depressive-like episode'],
  ['F06.33', 'Mood disorder due to known physiological condition with manic features'],
  ['F06.34', 'Mood disorder due to known physiological condition with mixed features'],
  ['F06.4', 'Anxiety disorder due to known physiological condition'],
  ['F06.7', 'Mild neurocognitive disorder due to known physiological condition', H],
  ['F06.70', 'Mild neurocognitive disorder due to known physiological condition without behavioral disturbance'],
  ['F06.71', 'Mild neurocognitive disorder due to known physiological condition with behavioral disturbance'],
  ['F06.8', 'Other specified mental disorders due to known physiological condition'],
  ['F07', 'Personality and behavioral disorders due to known physiological condition', H],
  ['F07.0', 'Personality change due to known physiological condition'],
  ['F07.8', 'Other personality and behavioral disorders due to known physiological condition', H],
  ['F07.81', 'Postconcussional syndrome'],
  ['F07.89', 'Other personality and behavioral disorders due to known physiological condition'],
  ['F07.9', 'Unspecified personality and behavioral disorder due to known physiological condition'],
  ['F09', 'Unspecified mental disorder due to known physiological condition'],
];

export const F20_F29: readonly Row[] = [
  ['F20', 'Schizophrenia', H],
  ['F20.0', 'Paranoid schizophrenia'],
  ['F20.1', 'Disorganized schizophrenia'],
  ['F20.2', 'Catatonic schizophrenia'],
  ['F20.3', 'Undifferentiated schizophrenia'],
  ['F20.5', 'Residual schizophrenia'],
  ['F20.8', 'Other schizophrenia', H],
  ['F20.81', 'Schizophreniform disorder'],
  ['F20.89', 'Other schizophrenia'],
  ['F20.9', 'Schizophrenia, unspecified'],
  ['F21', 'Schizotypal disorder'],
  ['F22', 'Delusional disorders'],
  ['F23', 'Brief psychotic disorder'],
  ['F24', 'Shared psychotic disorder'],
  ['F25', 'Schizoaffective disorders', H],
  ['F25.0', 'Schizoaffective disorder, bipolar type'],
  ['F25.1', 'Schizoaffective disorder, depressive type'],
  ['F25.8', 'Other schizoaffective disorders'],
  ['F25.9', 'Schizoaffective disorder, unspecified'],
  ['F28', 'Other psychotic disorder not due to a substance or known physiological condition'],
  ['F29', 'Unspecified psychosis not due to a substance or known physiological condition'],
];
