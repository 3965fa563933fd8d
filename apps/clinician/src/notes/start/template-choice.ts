import type { TAppointment, TAppointmentStatus, TNoteKind, TTemplateSummary } from '@hearth/contracts';

export type TServiceHint = TAppointment['appointmentType']['serviceHint'];

// Which template a new note starts on. From an appointment, its type's service hint picks the kind
// (a missed session picks the missed-appointment note); within a kind, the clinician's last choice
// (e.g. DAP, SOAP or BIRP for progress notes) wins, else a built-in, else the first by name.

const HINT_KIND: Record<TServiceHint, TNoteKind | null> = {
  intake: 'intake',
  psychotherapy: 'progress',
  family: 'family',
  group: 'group',
  psychiatric_evaluation: 'psychiatric_evaluation',
  medication_management: 'medication_management',
  crisis: 'crisis',
  collateral: 'collateral',
  testing: null,
  other: null,
};

const MISSED: ReadonlySet<TAppointmentStatus> = new Set(['no_show', 'late_cancel']);

/** Templates a new note can use: active, with a published version. */
export const usableTemplates = (list: readonly TTemplateSummary[]) =>
  list.filter((t) => t.active && t.publishedVersion !== null);

/** A group session's notes are written on the group note page, one note per attending member. */
export const isGroupSession = (hint: TServiceHint | null | undefined) => hint === 'group';

/** The note kind an appointment calls for (null: no particular kind, start with a progress note). */
export function kindForAppointment(hint: TServiceHint, status?: TAppointmentStatus): TNoteKind | null {
  if (status && MISSED.has(status)) return 'missed_appointment';
  return HINT_KIND[hint];
}

export type RememberedChoices = Partial<Record<TNoteKind, string>>;

function bestOfKind(templates: readonly TTemplateSummary[], kind: TNoteKind, remembered: RememberedChoices) {
  const ofKind = templates.filter((t) => t.kind === kind);
  const mine = ofKind.find((t) => t.id === remembered[kind]);
  if (mine) return mine;
  return [...ofKind].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name))[0] ?? null;
}

/** The template to offer first, or null when none fits (the writer then chooses). */
export function defaultTemplate(p: {
  templates: readonly TTemplateSummary[];
  remembered: RememberedChoices;
  hint?: TServiceHint | null;
  status?: TAppointmentStatus;
}): TTemplateSummary | null {
  const usable = usableTemplates(p.templates).filter((t) => t.kind !== 'group');
  const kind = p.hint ? kindForAppointment(p.hint, p.status) : null;
  if (kind && kind !== 'group') {
    const t = bestOfKind(usable, kind, p.remembered);
    if (t) return t;
  }
  return bestOfKind(usable, 'progress', p.remembered);
}

const choiceKey = (userId: string) => `hearth.noteTemplateChoice.${userId}`;

/** The clinician's last template per kind (template ids only), kept in this browser. */
export function readRememberedChoices(userId: string): RememberedChoices {
  try {
    const v = JSON.parse(localStorage.getItem(choiceKey(userId)) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as RememberedChoices) : {};
  } catch {
    return {};
  }
}

export function rememberChoice(userId: string, kind: TNoteKind, templateId: string) {
  try {
    localStorage.setItem(choiceKey(userId), JSON.stringify({ ...readRememberedChoices(userId), [kind]: templateId }));
  } catch {
    /* a convenience only */
  }
}
