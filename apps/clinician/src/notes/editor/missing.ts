import type { TTemplateDefinition } from '@hearth/contracts';
import { findField } from '../form/field-values';

// Names a missing element for people. The server's message already names it ("Add at least one
// diagnosis", "Plan is required"); a content field gets its section title in front when the
// message does not carry the field's label, so "Response is required" reads "Assessment: Response is required".

const ENCOUNTER_NAMES: Record<string, string> = {
  'encounter.serviceDate': 'Date of service',
  'encounter.startTime': 'Start time',
  'encounter.endTime': 'Stop time',
  'encounter.placeOfService': 'Place of service',
  'encounter.telehealthMode': 'Telehealth by',
  'encounter.patientLocation': 'Where the patient was',
  'encounter.participants': 'Participants',
  'encounter.diagnoses': 'Diagnoses',
};

export function missingLabel(m: { field: string; message: string }, definition: TTemplateDefinition): string {
  const found = findField(definition, m.field);
  if (found) return `${found.section.title}: ${m.message || `${found.field.label} is required`}`;
  const name = ENCOUNTER_NAMES[m.field];
  if (name && !m.message.toLowerCase().includes(name.toLowerCase())) return `${name}: ${m.message}`;
  return m.message || name || m.field;
}
