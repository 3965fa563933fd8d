// The demo's notes that stand out, picked from the planned ones so they fit the schedule: one
// overdue draft, an associate's note awaiting co-signature and one returned with comments, a late
// entry, two addenda, a collateral call, discharge summaries and a therapist's psychotherapy notes.
import { instantToLocal } from '../modules/scheduling/domain/recurrence.js';
import { newId } from '../platform/ids.js';
import { collateralContent, dischargeContent } from './notes-content-other.js';
import { measureScore, type SessionCtx } from './notes-content.js';
import { DAY, HOUR, MIN, themeFor, type Plan, type PlanInput, type PlannedNote } from './notes-plan.js';
import { YOUTH_THEMES } from './notes-themes-youth.js';
import { rng } from './schedule-timetable.js';

export interface SpecialCounts {
  overdue: number;
  pendingCosign: number;
  returned: number;
  lateEntries: number;
  addenda: number;
  collateral: number;
  discharges: number;
  psychotherapyNotes: number;
}

export function addSpecialCases(plan: Plan, input: PlanInput): SpecialCounts {
  const { now, staff } = input;
  const r = rng(20261201);
  const counts: SpecialCounts = { overdue: 0, pendingCosign: 0, returned: 0, lateEntries: 0, addenda: 0, collateral: 0, discharges: 0, psychotherapyNotes: 0 };
  const ago = (d: Date | null) => (d ? (now.getTime() - d.getTime()) / DAY : Infinity);
  /** The newest signed session note of a clinician on a template, ended between `from` and `to` days ago. */
  const newest = (who: string, template: string, from: number, to: number, skip: Set<string> = new Set()) =>
    plan.notes
      .filter((n) => n.authorId === staff.get(who) && n.template === template && n.status === 'signed' && n.appointmentId && !skip.has(n.id))
      .filter((n) => ago(n.endedAt) >= from && ago(n.endedAt) <= to)
      .sort((a, b) => b.endedAt!.getTime() - a.endedAt!.getTime())[0];
  const unsign = (n: PlannedNote) => Object.assign(n, { status: 'draft', signedAt: null, finalizedAt: null, cosignRequired: false, supervisorId: null, signatures: [] });

  // Overdue: a session four to seven days ago whose note James started and never finished.
  const overdue = newest('park', 'progress_soap', 4, 7) ?? newest('park', 'progress_soap', 4, 14);
  if (overdue) {
    unsign(overdue);
    overdue.content = { subjective: overdue.content.subjective ?? {}, objective: overdue.content.objective ?? {} };
    overdue.updatedAt = new Date(overdue.endedAt!.getTime() + 40 * MIN);
    overdue.version = 3;
    counts.overdue = 1;
  }

  // Sam (associate): the newest note signed and waiting for Elena; the one before returned with comments.
  const used = new Set<string>();
  // Sessions of the last two and a half days if there are any, so they are not overdue yet.
  const pending = newest('rivera', 'progress_dap', 3 / 24, 2.5) ?? newest('rivera', 'progress_dap', 3 / 24, 30);
  if (pending) {
    used.add(pending.id);
    Object.assign(pending, { status: 'pending_cosign', finalizedAt: null, updatedAt: pending.signedAt });
    pending.signatures = pending.signatures.filter((s) => s.kind === 'author');
    counts.pendingCosign = 1;
  }
  const returned = newest('rivera', 'progress_dap', 6 / 24, 2.5, used) ?? newest('rivera', 'progress_dap', 6 / 24, 30, used);
  if (returned) {
    const authorAt = returned.signedAt!;
    const at = new Date(Math.max(authorAt.getTime() + 20 * MIN, Math.min(authorAt.getTime() + 20 * HOUR, now.getTime() - 30 * MIN)));
    Object.assign(returned, { status: 'returned', signedAt: null, finalizedAt: null, lateEntry: false, updatedAt: at });
    returned.signatures = [
      { kind: 'author', userId: returned.authorId, at: authorAt, comment: null },
      {
        kind: 'returned', userId: staff.get('vasquez')!, at,
        comment: 'Please describe how the client responded to the skills practised, and tie the plan to the treatment-plan goal it serves. Otherwise looks good.',
      },
    ];
    counts.returned = 1;
  }

  // A late entry: Aisha signed a note five days after the session.
  const late = newest('bello', 'progress_birp', 14, 35);
  if (late) {
    const at = new Date(late.endedAt!.getTime() + 5 * DAY + 3 * HOUR);
    Object.assign(late, { signedAt: at, finalizedAt: at, updatedAt: at, lateEntry: true });
    late.signatures[0]!.at = at;
    counts.lateEntries = 1;
  }

  // Two addenda: a correction and information that came after signing.
  const fix = newest('vasquez', 'progress_dap', 7, 21);
  if (fix) {
    plan.addenda.push({
      noteId: fix.id, authorId: fix.authorId, reason: 'correction', at: new Date(fix.signedAt!.getTime() + DAY + 2 * HOUR),
      body: 'Correction: the measure score in the data section was carried over from the previous session; the score obtained today was two points lower. The assessment and plan are unchanged.',
    });
  }
  const info = newest('park', 'progress_soap', 5, 14, new Set(overdue ? [overdue.id] : []));
  if (info) {
    plan.addenda.push({
      noteId: info.id, authorId: info.authorId, reason: 'additional_information', at: new Date(info.signedAt!.getTime() + 26 * HOUR),
      body: 'Client called the next morning to say the new routine had helped them sleep through the night. No change to the plan.',
    });
  }
  counts.addenda = plan.addenda.length;
  counts.collateral = addCollateral(plan, input, r);
  counts.discharges = addDischarges(plan, input, r);
  counts.psychotherapyNotes = addPsychotherapyNotes(plan, input);
  return counts;
}

/**
 * A signed note without an appointment (a call, a summary), written at `at`. An associate's is
 * final once their supervisor co-signs, an hour or so later (never after `now`).
 */
function unlinkedSigned(
  input: PlanInput, n: Pick<PlannedNote, 'patientId' | 'authorId' | 'template' | 'serviceDate' | 'timeZone' | 'diagnoses' | 'content'>, at: Date,
): PlannedNote {
  const note: PlannedNote = {
    ...n, id: newId(), appointmentId: null, groupNoteId: null, status: 'signed', startedAt: null, endedAt: null, psychotherapyMinutes: null, medicalMinutes: null,
    placeOfService: 'in_person', posCode: null, telehealthMode: null, patientLocation: null, participants: [], enabledSections: [],
    cosignRequired: false, supervisorId: null, lateEntry: false, signedAt: at, finalizedAt: at, createdAt: new Date(at.getTime() - 20 * MIN), updatedAt: at,
    version: 3, signatures: [{ kind: 'author', userId: n.authorId, at, comment: null }],
  };
  if (n.authorId === input.staff.get('rivera')) {
    const supervisor = input.staff.get('vasquez')!;
    const cosignAt = new Date(Math.max(at.getTime() + MIN, Math.min(at.getTime() + 90 * MIN, input.now.getTime() - MIN)));
    Object.assign(note, { cosignRequired: true, supervisorId: supervisor, finalizedAt: cosignAt, updatedAt: cosignAt, version: 4 });
    note.signatures.push({ kind: 'cosign', userId: supervisor, at: cosignAt, comment: null });
  }
  return note;
}

const sessionNotes = (plan: Plan, patientId: string, authorId: string) =>
  plan.notes.filter((n) => n.patientId === patientId && n.authorId === authorId && n.appointmentId && n.endedAt && n.template !== 'missed_appointment')
    .sort((a, b) => a.endedAt!.getTime() - b.endedAt!.getTime());

function ctxOf(input: PlanInput, patientId: string, k: number, date: string): SessionCtx {
  const p = input.patients.find((x) => x.id === patientId)!;
  const theme = themeFor(p);
  const r = rng(k + 7);
  return { theme, r, k, minor: p.minor, score: measureScore(theme, k, r), prevScore: null, date, telehealth: false, diagnoses: input.diagnoses(patientId), cadence: 'weekly' };
}

/** A call with a child's school counselor, the day after a session, by the child's therapist. */
function addCollateral(plan: Plan, input: PlanInput, r: () => number): number {
  const child = input.patients.find((p) => p.status === 'active' && themeFor(p) === YOUTH_THEMES[0] && sessionNotes(plan, p.id, input.staff.get(p.therapist)!).length >= 4);
  if (!child) return 0;
  const notes = sessionNotes(plan, child.id, input.staff.get(child.therapist)!);
  const after = notes[notes.length - 3]!;
  const at = new Date(after.endedAt!.getTime() + DAY + Math.floor(r() * 3) * HOUR);
  if (at.getTime() > input.now.getTime()) return 0;
  const serviceDate = instantToLocal(at, after.timeZone).slice(0, 10);
  plan.notes.push(unlinkedSigned(input, {
    patientId: child.id, authorId: after.authorId, template: 'collateral_contact', serviceDate, timeZone: after.timeZone, diagnoses: after.diagnoses, content: collateralContent(),
  }, at));
  return 1;
}

/** Discharged patients: a discharge summary on the day of their last session. */
function addDischarges(plan: Plan, input: PlanInput, r: () => number): number {
  let n = 0;
  for (const p of input.patients.filter((x) => x.status === 'discharged')) {
    const notes = sessionNotes(plan, p.id, input.staff.get(p.therapist)!).filter((x) => x.status === 'signed');
    const last = notes.at(-1);
    if (!last) continue;
    const c = ctxOf(input, p.id, notes.length, last.serviceDate);
    const at = new Date(last.signedAt!.getTime() + (1 + r()) * HOUR);
    plan.notes.push(unlinkedSigned(input, {
      patientId: p.id, authorId: last.authorId, template: 'discharge_summary', serviceDate: last.serviceDate, timeZone: last.timeZone, diagnoses: last.diagnoses,
      content: dischargeContent(c, last.serviceDate, notes.length),
    }, new Date(Math.min(at.getTime(), input.now.getTime() - 5 * MIN))));
    n++;
  }
  return n;
}

/** James keeps process notes for one client, apart from the record. */
function addPsychotherapyNotes(plan: Plan, input: PlanInput): number {
  const park = input.staff.get('park')!;
  const client = input.patients.find((p) => p.therapist === 'park' && p.status === 'active' && sessionNotes(plan, p.id, park).filter((n) => n.status === 'signed').length >= 3);
  if (!client) return 0;
  const bodies = [
    'Noticed my own urge to reassure when the client criticised themselves again; held back and the client found their own words. Transference: seems to test whether I will become impatient, as a parent did. Hypothesis to explore: self-criticism protects against feeling helpless. Next time: slow down when the family comes up.',
    'Client was more open today after I named the pattern of apologising. Felt a strong pull to rescue when tearful; stayed with it. Curious about the dream imagery (water, a closed door). Keep in mind how much of the avoidance belongs to the family story rather than the present.',
  ];
  const done = sessionNotes(plan, client.id, park).filter((n) => n.status === 'signed').slice(-2);
  done.forEach((n, i) => {
    plan.psychotherapy.push({ id: newId(), authorId: park, patientId: client.id, appointmentId: n.appointmentId!, sessionDate: n.serviceDate, body: bodies[i]!, at: new Date(n.endedAt!.getTime() + 25 * MIN) });
  });
  return done.length;
}
