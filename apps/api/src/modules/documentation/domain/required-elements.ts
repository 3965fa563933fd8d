import type { TMissingElement, TNoteKind, TPayerElement, TTemplateDefinition, TTemplateField, TTemplateSection } from '@hearth/contracts';
import { isAnswered, sectionEnabled } from './content-rules.js';
import { minutesBetween } from './encounter.js';

// What must be in a note before it can be signed. Billable notes need what payers audit for
// (diagnosis, date, times, place of service, participants, and the template's tagged elements:
// interventions, response, plan and any other it tags); some kinds always need a risk assessment;
// and every field marked required in a section that is switched on. Each gap is named for the writer.

/** `{ field: 'encounter.diagnoses', message: 'Add at least one diagnosis' }`. */
export type MissingElement = TMissingElement;

/** The encounter facts as stored (the view's shape); missing values are null or absent. */
export interface EncounterFacts {
  serviceDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  psychotherapyMinutes?: number | null;
  medicalMinutes?: number | null;
  placeOfService?: 'in_person' | 'telehealth' | null;
  telehealthMode?: 'video' | 'audio_only' | null;
  patientLocation?: string | null;
  participants?: readonly unknown[] | null;
  diagnoses?: readonly unknown[] | null;
}

export interface RequiredElementsInput {
  definition: TTemplateDefinition;
  billable: boolean;
  kind: TNoteKind;
  encounter: EncounterFacts;
  content: Record<string, Record<string, unknown> | undefined>;
  enabledSections: readonly string[];
}

/** Elements every billable template must record; the others are required when tagged. */
export const BILLABLE_ELEMENTS: readonly TPayerElement[] = ['interventions', 'response', 'plan'];
/** Kinds whose notes always need a risk assessment, billable or not. */
export const RISK_KINDS: ReadonlySet<TNoteKind> = new Set(['intake', 'psychiatric_evaluation', 'crisis']);

const ELEMENT_NAMES: Record<TPayerElement, string> = {
  interventions: 'the interventions used', response: "the patient's response", goal_progress: 'progress on treatment goals',
  risk_assessment: 'a risk assessment', plan: 'the plan',
};
const KIND_NAMES: Record<string, string> = { intake: 'an intake note', psychiatric_evaluation: 'a psychiatric evaluation note', crisis: 'a crisis note' };

const listed = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);

interface Located {
  section: TTemplateSection;
  field: TTemplateField;
  path: string;
  enabled: boolean;
}

export function missingElements(i: RequiredElementsInput): TMissingElement[] {
  const out: MissingElement[] = [];
  const seen = new Set<string>();
  const add = (field: string, message: string) => {
    if (seen.has(field)) return;
    seen.add(field);
    out.push({ field, message });
  };
  const e = i.encounter;

  if (i.billable) {
    if (!e.diagnoses?.length) add('encounter.diagnoses', 'Add at least one diagnosis');
    if (!e.serviceDate) add('encounter.serviceDate', 'Add the date of service');
    if (!e.startTime) add('encounter.startTime', 'Add the start time');
    if (!e.endTime) add('encounter.endTime', 'Add the stop time');
    else if (e.startTime && minutesBetween(e.startTime, e.endTime) === null) add('encounter.endTime', 'The stop time must be after the start time');
    const session = minutesBetween(e.startTime, e.endTime);
    const counted = (e.psychotherapyMinutes ?? 0) + (e.medicalMinutes ?? 0);
    if (session !== null && counted > session) {
      add('encounter.psychotherapyMinutes', `Psychotherapy and medical-management minutes add up to more than the session (${session} minutes)`);
    }
    if (!e.placeOfService) add('encounter.placeOfService', 'Say whether the session was in person or by telehealth');
    if (e.placeOfService === 'telehealth') {
      if (!e.telehealthMode) add('encounter.telehealthMode', 'Say whether the telehealth session was by video or audio only');
      if (!e.patientLocation?.trim()) add('encounter.patientLocation', 'Add where the patient was during the telehealth session');
    }
    if (!e.participants?.length) add('encounter.participants', 'Add at least one participant');
  }

  const fields: Located[] = i.definition.sections.flatMap((section) =>
    section.fields.map((field) => ({ section, field, path: `content.${section.key}.${field.key}`, enabled: sectionEnabled(section, i.enabledSections) })),
  );
  const answered = (f: Located) => isAnswered(i.content[f.section.key]?.[f.field.key]);

  for (const f of fields) if (f.enabled && f.field.required && !answered(f)) add(f.path, `${f.field.label} is required`);

  /** Some field among `candidates` must be answered in a switched-on section; else name the first one. False when the template has none. */
  const needOneOf = (candidates: Located[]): boolean => {
    if (!candidates.length) return false;
    if (candidates.some((f) => f.enabled && answered(f))) return true;
    const on = candidates.find((f) => f.enabled);
    if (on) add(on.path, `${on.field.label} is required`);
    else add(candidates[0]!.path, `${candidates[0]!.field.label} is required: switch on the ${candidates[0]!.section.title} section`);
    return true;
  };
  /** The writer cannot fix a template: one entry says everything it lacks. */
  const lacking = (what: string[], kindName: string) => {
    if (what.length) add('template', `This template has no field for ${listed(what)}, which ${kindName} needs`);
  };

  if (i.billable) {
    const tagged = new Set(fields.map((f) => f.field.element).filter((x): x is TPayerElement => !!x));
    const absent: string[] = [];
    for (const element of new Set<TPayerElement>([...BILLABLE_ELEMENTS, ...tagged])) {
      // A tagged risk assessment is required only where marked so, or for the kinds below.
      if (element === 'risk_assessment') continue;
      if (!needOneOf(fields.filter((f) => f.field.element === element))) absent.push(ELEMENT_NAMES[element]);
    }
    lacking(absent, 'a billable note');
  }
  if (RISK_KINDS.has(i.kind)) {
    const riskFields = fields.filter((f) => f.field.element === 'risk_assessment' || f.field.type === 'risk_assessment');
    if (!needOneOf(riskFields)) {
      if (seen.has('template')) out.find((m) => m.field === 'template')!.message += `; nor for a risk assessment, which ${KIND_NAMES[i.kind]} needs`;
      else lacking([ELEMENT_NAMES.risk_assessment], KIND_NAMES[i.kind]!);
    }
  }
  return out;
}
