// Which note each past appointment of the demo practice gets, on which template, and where it
// stands: signed (the rule), drafts for the last day's sessions, and the handful of states a demo
// should show: one overdue note, an associate's note awaiting co-signature and another returned
// with comments, a late entry, addenda, a crisis session, a collateral call, discharge summaries,
// group notes with their members' notes, missed appointments and a psychotherapy note.
import type { TNoteContent, TParticipant } from '@hearth/contracts';
import { instantToLocal } from '../modules/scheduling/domain/recurrence.js';
import { newId } from '../platform/ids.js';
import { AT_RISK, DEMO_GROUPS } from './demo-data.js';
import { measureScore, planReviewContent, progressContent, familyContent, type ProgressLayout, type SessionCtx } from './notes-content.js';
import { intakeContent, medicationContent, psychiatricEvaluationContent } from './notes-content-medical.js';
import { crisisContent, groupMemberContent, groupSharedContent, missedContent } from './notes-content-other.js';
import { ADULT_THEMES, type Theme } from './notes-themes.js';
import { DBT_THEME, YOUTH_THEMES } from './notes-themes-youth.js';
import { plusDays, rng } from './schedule-timetable.js';
import type { DemoPatient } from './seed-schedule.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export interface ApptRow {
  id: string;
  patient_id: string | null;
  group_id: string | null;
  clinician_id: string;
  code: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  telehealth: boolean;
  time_zone: string;
  pos: string | null;
  rrule: string | null;
}

export type NoteStatus = 'draft' | 'pending_cosign' | 'returned' | 'signed';

export interface PlannedSignature {
  kind: 'author' | 'cosign' | 'returned';
  userId: string;
  at: Date;
  comment: string | null;
}

export interface PlannedNote {
  id: string;
  patientId: string;
  authorId: string;
  template: string;
  appointmentId: string | null;
  groupNoteId: string | null;
  status: NoteStatus;
  serviceDate: string;
  timeZone: string;
  startedAt: Date | null;
  endedAt: Date | null;
  psychotherapyMinutes: number | null;
  medicalMinutes: number | null;
  placeOfService: 'in_person' | 'telehealth';
  posCode: string | null;
  telehealthMode: 'video' | 'audio_only' | null;
  patientLocation: string | null;
  participants: TParticipant[];
  diagnoses: { code: string; title: string }[];
  content: TNoteContent;
  enabledSections: string[];
  cosignRequired: boolean;
  supervisorId: string | null;
  lateEntry: boolean;
  signedAt: Date | null;
  finalizedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  signatures: PlannedSignature[];
}

/** What a caller says about a new note; `add` decides its status, times and signatures. */
export type NoteDraft = Omit<PlannedNote, 'id' | 'status' | 'cosignRequired' | 'supervisorId' | 'lateEntry' | 'signedAt' | 'finalizedAt' | 'createdAt' | 'updatedAt' | 'version' | 'signatures'> & { id?: string };
type AddFn = (n: NoteDraft, end: Date) => PlannedNote;
/** The encounter facts an appointment gives a note. */
type EncounterPart = Pick<PlannedNote, 'serviceDate' | 'timeZone' | 'startedAt' | 'endedAt' | 'placeOfService' | 'posCode' | 'telehealthMode' | 'patientLocation' | 'participants'>;

export interface PlannedGroupNote {
  id: string;
  appointmentId: string;
  groupId: string;
  authorId: string;
  sharedContent: TNoteContent;
  status: 'draft' | 'signed';
  createdAt: Date;
  updatedAt: Date;
}

export interface PlannedAddendum {
  noteId: string;
  authorId: string;
  reason: 'correction' | 'additional_information';
  body: string;
  at: Date;
}

export interface Plan {
  notes: PlannedNote[];
  groupNotes: PlannedGroupNote[];
  addenda: PlannedAddendum[];
  psychotherapy: { id: string; authorId: string; patientId: string; appointmentId: string; sessionDate: string; body: string; at: Date }[];
}

export interface PlanInput {
  now: Date;
  timeZone: string;
  staff: Map<string, string>;
  patients: DemoPatient[];
  appointments: ApptRow[];
  attendance: { appointment_id: string; patient_id: string; status: string }[];
  groups: { id: string; name: string }[];
  diagnoses: (patientId: string) => { code: string; title: string }[];
}

const DBT_MEMBERS = new Set(DEMO_GROUPS[0]!.members);
const TEEN_MEMBERS = new Set(DEMO_GROUPS[1]!.members);
const THERAPY_THEMES = ADULT_THEMES.filter((t) => t.key !== 'bipolar');

/** The clinical picture of a demo patient, fixed by their number and the groups they attend. */
export function themeFor(p: DemoPatient): Theme {
  if (DBT_MEMBERS.has(p.n)) return DBT_THEME;
  if (p.minor) return TEEN_MEMBERS.has(p.n) ? YOUTH_THEMES[1 + (p.n % 2)]! : YOUTH_THEMES[0]!;
  if (p.prescriber) return [ADULT_THEMES[0]!, ADULT_THEMES[4]!, ADULT_THEMES[1]!, ADULT_THEMES[2]!][p.n % 4]!;
  return THERAPY_THEMES[p.n % THERAPY_THEMES.length]!;
}

/** Each therapist writes progress notes in the layout they were trained in. */
const LAYOUT: Record<string, ProgressLayout> = { vasquez: 'progress_dap', park: 'progress_soap', bello: 'progress_birp', rivera: 'progress_dap' };

const cadenceOf = (rrule: string | null) => (!rrule ? 'weekly' : rrule.includes('MONTHLY') ? 'monthly' : rrule.includes('INTERVAL=2') ? 'every two weeks' : 'weekly');

export function planNotes(input: PlanInput): Plan {
  const { now, staff } = input;
  const r = rng(20261130);
  const keyOf = new Map([...staff].map(([k, id]) => [id, k]));
  const byId = new Map(input.patients.map((p) => [p.id, p]));
  const supervisor = staff.get('vasquez')!;
  const rivera = staff.get('rivera')!;
  const plan: Plan = { notes: [], groupNotes: [], addenda: [], psychotherapy: [] };
  const local = (d: Date) => instantToLocal(d, input.timeZone);
  const counters = new Map<string, { k: number; prev: number | null }>();

  /** How long after the session the author signed: mostly the same day, some the next, a few two days on. */
  const signDelay = () => {
    const x = r();
    return x < 0.7 ? 15 * MIN + r() * 4 * HOUR : x < 0.95 ? 18 * HOUR + r() * 12 * HOUR : 40 * HOUR + r() * 20 * HOUR;
  };

  const ctxFor = (p: DemoPatient, a: ApptRow, advance: boolean): SessionCtx => {
    const key = `${p.id}|${a.clinician_id}`;
    const c = counters.get(key) ?? { k: 0, prev: null };
    const theme = themeFor(p);
    const cr = rng(Math.floor(r() * 2 ** 31));
    const score = measureScore(theme, c.k, cr);
    const ctx: SessionCtx = {
      theme, r: cr, k: c.k, minor: p.minor, score, prevScore: c.prev, date: local(a.starts_at).slice(0, 10), telehealth: a.telehealth,
      diagnoses: input.diagnoses(p.id), cadence: cadenceOf(a.rrule),
    };
    if (advance) counters.set(key, { k: c.k + 1, prev: score });
    return ctx;
  };

  const encounterOf = (a: ApptRow, participants: TParticipant[]): EncounterPart => ({
    serviceDate: local(a.starts_at).slice(0, 10),
    timeZone: a.time_zone,
    startedAt: a.starts_at,
    endedAt: a.ends_at,
    placeOfService: a.telehealth ? ('telehealth' as const) : ('in_person' as const),
    posCode: a.telehealth ? '10' : (a.pos ?? '11'),
    telehealthMode: a.telehealth ? ('video' as const) : null,
    patientLocation: a.telehealth ? 'Home' : null,
    participants,
  });

  /** A note for a session, signed (or left a draft) as a clinician would. */
  const add: AddFn = (n, end) => {
    const associate = n.authorId === rivera;
    const note: PlannedNote = {
      ...n, id: n.id ?? newId(), status: 'draft', cosignRequired: false, supervisorId: null, lateEntry: false, signedAt: null, finalizedAt: null,
      createdAt: new Date(end.getTime() + 2 * MIN), updatedAt: new Date(end.getTime() + 10 * MIN), version: 2 + Math.floor(r() * 4), signatures: [],
    };
    const signedAt = new Date(end.getTime() + signDelay());
    // Notes of the last day's sessions are still being written by about half the clinicians.
    const recent = end.getTime() > now.getTime() - DAY && r() < 0.5;
    if (signedAt.getTime() < now.getTime() - 10 * MIN && !recent) {
      note.status = 'signed';
      note.signedAt = signedAt;
      note.signatures.push({ kind: 'author', userId: n.authorId, at: signedAt, comment: null });
      note.version += 1;
      if (associate) {
        // The supervisor co-signs within a day or so; never later than now.
        const cosignAt = new Date(Math.min(signedAt.getTime() + 3 * HOUR + r() * 24 * HOUR, now.getTime() - 5 * MIN));
        Object.assign(note, { cosignRequired: true, supervisorId: supervisor });
        note.signatures.push({ kind: 'cosign', userId: supervisor, at: cosignAt, comment: null });
        note.finalizedAt = cosignAt;
        note.version += 1;
      } else note.finalizedAt = signedAt;
      note.updatedAt = note.finalizedAt;
    } else if (end.getTime() > now.getTime()) note.createdAt = note.updatedAt = new Date(now.getTime() - MIN);
    else note.updatedAt = new Date(Math.min(note.updatedAt.getTime(), now.getTime() - MIN));
    plan.notes.push(note);
    return note;
  };

  const sessions = input.appointments.filter((a) => a.patient_id && byId.has(a.patient_id)).sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  const crisisPatient = input.patients.find((p) => themeFor(p) === DBT_THEME && p.therapist === 'vasquez' && p.status === 'active');
  const crisisDay = crisisPatient
    ? sessions.filter((a) => a.patient_id === crisisPatient.id && a.status === 'completed' && a.code.startsWith('individual') && a.ends_at.getTime() < now.getTime() - 35 * DAY).at(-1)?.id
    : undefined;
  const noShowRuns = new Map<string, number>();

  for (const a of sessions) {
    const p = byId.get(a.patient_id!)!;
    const author = a.clinician_id;
    const key = keyOf.get(author)!;
    if ((a.status === 'no_show' || a.status === 'late_cancel') && a.ends_at.getTime() < now.getTime() - HOUR) {
      const run = (noShowRuns.get(p.id) ?? 0) + 1;
      noShowRuns.set(p.id, run);
      const c = ctxFor(p, a, false);
      add({
        patientId: p.id, authorId: author, template: 'missed_appointment', appointmentId: a.id, groupNoteId: null,
        ...encounterOf(a, []), startedAt: null, endedAt: null, psychotherapyMinutes: null, medicalMinutes: null, diagnoses: c.diagnoses,
        content: missedContent(c, a.status, p.n === AT_RISK.noShows && run >= 3), enabledSections: [],
      }, a.ends_at);
      continue;
    }
    if (a.status !== 'completed') continue;
    noShowRuns.set(p.id, 0);
    const c = ctxFor(p, a, true);
    const minutes = Math.round((a.ends_at.getTime() - a.starts_at.getTime()) / MIN);
    const participants: TParticipant[] = [{ role: 'patient' }, ...(p.minor && r() < 0.5 ? [{ role: 'guardian' as const, name: 'Parent' }] : [])];
    const base = { patientId: p.id, authorId: author, appointmentId: a.id, groupNoteId: null, ...encounterOf(a, participants), diagnoses: c.diagnoses };
    if (a.code === 'intake') {
      add({ ...base, template: 'intake_assessment', psychotherapyMinutes: null, medicalMinutes: null, content: intakeContent(c, p.minor ? 'family' : pick3(r)), enabledSections: [] }, a.ends_at);
    } else if (a.code === 'psych-eval') {
      add({ ...base, template: 'psychiatric_evaluation', psychotherapyMinutes: null, medicalMinutes: minutes, content: psychiatricEvaluationContent(c), enabledSections: [] }, a.ends_at);
    } else if (a.code.startsWith('med-mgmt')) {
      // Half the 30-minute visits include 16 to 20 minutes of psychotherapy, timed on their own.
      const withTherapy = minutes >= 30 && r() < 0.5;
      const therapy = withTherapy ? 16 + Math.floor(r() * 5) : 0;
      const start = local(new Date(a.ends_at.getTime() - therapy * MIN)).slice(11, 16);
      const m = medicationContent(c, withTherapy ? { start, stop: local(a.ends_at).slice(11, 16) } : null, !a.telehealth);
      add({ ...base, template: 'medication_management', psychotherapyMinutes: withTherapy ? therapy : null, medicalMinutes: minutes - therapy, ...m }, a.ends_at);
    } else if (a.code === 'family') {
      const members = pick3(r) === 'self' ? 'Client and parent' : 'Client, parent and younger sibling';
      add({
        ...base, participants: [{ role: 'patient' }, { role: 'guardian', name: 'Parent' }, ...(members.includes('sibling') ? [{ role: 'family_member' as const, name: 'Sibling' }] : [])],
        template: 'family_session', psychotherapyMinutes: minutes, medicalMinutes: null, content: familyContent(c, members), enabledSections: [],
      }, a.ends_at);
    } else if (a.id === crisisDay) {
      add({ ...base, template: 'crisis_note', psychotherapyMinutes: minutes, medicalMinutes: null, content: crisisContent(c, plusDays(c.date, 1)), enabledSections: [] }, a.ends_at);
    } else if (c.k > 0 && c.k % 12 === 0) {
      add({ ...base, template: 'treatment_plan_review', psychotherapyMinutes: minutes, medicalMinutes: null, content: planReviewContent(c, plusDays(c.date, 90)), enabledSections: [] }, a.ends_at);
    } else {
      const layout = LAYOUT[key] ?? 'progress_dap';
      const m = progressContent(layout, c, r() < 0.15);
      add({ ...base, template: layout, psychotherapyMinutes: minutes, medicalMinutes: null, ...m }, a.ends_at);
    }
  }

  planGroups(input, plan, r, add, ctxFor, encounterOf);
  return plan;

  function pick3(rand: () => number): string {
    return ['self', 'primary_care', 'family'][Math.floor(rand() * 3)]!;
  }
}

/** Group sessions: a group note by the lead facilitator, and a member note for each member who attended. */
function planGroups(
  input: PlanInput, plan: Plan, r: () => number, add: AddFn,
  ctxFor: (p: DemoPatient, a: ApptRow, advance: boolean) => SessionCtx,
  encounterOf: (a: ApptRow, participants: TParticipant[]) => EncounterPart,
) {
  const byId = new Map(input.patients.map((p) => [p.id, p]));
  const attended = new Map<string, string[]>();
  for (const x of input.attendance) if (x.status === 'completed') attended.set(x.appointment_id, [...(attended.get(x.appointment_id) ?? []), x.patient_id]);
  const sessions = input.appointments.filter((a) => a.group_id && a.status === 'completed').sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  const week = new Map<string, number>();
  for (const a of sessions) {
    const which = input.groups.find((g) => g.id === a.group_id)?.name.startsWith('DBT') ? 'dbt' : 'teen';
    const n = week.get(a.group_id!) ?? 0;
    week.set(a.group_id!, n + 1);
    const members = (attended.get(a.id) ?? []).map((id) => byId.get(id)).filter((p): p is DemoPatient => !!p);
    if (!members.length) continue;
    const gn: PlannedGroupNote = {
      id: newId(), appointmentId: a.id, groupId: a.group_id!, authorId: a.clinician_id, sharedContent: groupSharedContent(which, n, r),
      status: 'draft', createdAt: new Date(a.ends_at.getTime() + 5 * MIN), updatedAt: new Date(a.ends_at.getTime() + 30 * MIN),
    };
    const notes = members.map((p) => {
      const c = ctxFor(p, a, true);
      return add({
        patientId: p.id, authorId: a.clinician_id, template: 'group_therapy', appointmentId: a.id, groupNoteId: gn.id,
        ...encounterOf(a, [{ role: 'patient' }]), psychotherapyMinutes: null, medicalMinutes: null, diagnoses: c.diagnoses,
        content: groupMemberContent(c, which, n), enabledSections: [],
      }, a.ends_at);
    });
    // The facilitator signs the session's notes together: all signed or all still drafts.
    const first = notes[0]!;
    for (const m of notes) alignSigning(m, first);
    if (first.status === 'signed') {
      gn.status = 'signed';
      gn.updatedAt = first.signedAt!;
    } else gn.updatedAt = first.updatedAt;
    plan.groupNotes.push(gn);
  }
}

function alignSigning(m: PlannedNote, first: PlannedNote) {
  Object.assign(m, {
    status: first.status, signedAt: first.signedAt, finalizedAt: first.finalizedAt, createdAt: first.createdAt, updatedAt: first.updatedAt,
    signatures: first.signatures.map((s) => ({ ...s, userId: m.authorId })),
  });
}
