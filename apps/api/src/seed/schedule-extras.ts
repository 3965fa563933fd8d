// The demo's waitlist (people waiting for a first appointment or another service) and the outreach
// already made to two of the patients at risk.
import type { Queryable } from '../platform/db/db.js';
import { newId } from '../platform/ids.js';
import { localToInstant } from '../modules/scheduling/domain/recurrence.js';
import { plusDays } from './schedule-timetable.js';
import { AT_RISK } from './demo-data.js';
import { insertRows } from './schedule-write.js';
import type { DemoPatient, Item } from './seed-schedule.js';

export interface ExtrasContext {
  now: Date;
  today: string;
  timeZone: string;
  staff: Map<string, string>;
  frontDesk: string;
  patient(n: number): DemoPatient;
  items: Item[];
  types(code: string): { id: string };
  locations: { id: string }[];
}

interface Wish {
  n: number;
  clinician: string | null;
  type: string;
  location: 0 | 1 | null;
  telehealthOk: boolean;
  times: { weekday: number; from: string; to: string }[];
  priority: 1 | 2 | 3;
  note: string | null;
  daysAgo: number;
}

// Patients 7, 22, 37 and 52 are on the waitlist; patient 1 is in care and waits for a prescriber.
const WISHES: Wish[] = [
  { n: 7, clinician: null, type: 'intake', location: 0, telehealthOk: true, times: [{ weekday: 2, from: '16:00', to: '19:00' }, { weekday: 4, from: '16:00', to: '19:00' }], priority: 2, note: 'After work only', daysAgo: 20 },
  { n: 22, clinician: 'bello', type: 'family', location: 1, telehealthOk: false, times: [{ weekday: 1, from: '15:00', to: '17:00' }, { weekday: 3, from: '15:00', to: '17:00' }], priority: 1, note: 'Family sessions after school', daysAgo: 9 },
  { n: 37, clinician: null, type: 'intake', location: null, telehealthOk: true, times: [{ weekday: 3, from: '09:00', to: '12:00' }], priority: 3, note: null, daysAgo: 34 },
  { n: 52, clinician: 'rivera', type: 'individual-45', location: 1, telehealthOk: true, times: [{ weekday: 3, from: '09:00', to: '12:00' }, { weekday: 5, from: '09:00', to: '12:00' }], priority: 2, note: 'Prefers mornings', daysAgo: 3 },
  { n: 1, clinician: 'raman', type: 'med-mgmt-30', location: null, telehealthOk: true, times: [{ weekday: 2, from: '13:00', to: '16:00' }], priority: 2, note: 'Wants a telehealth time', daysAgo: 6 },
];

export async function seedWaitlistAndOutreach(q: Queryable, c: ExtrasContext): Promise<{ waitlist: number; outreach: number }> {
  const waitlist = WISHES.map((w) => [
    newId(), c.patient(w.n).id, w.clinician ? c.staff.get(w.clinician)! : null, c.types(w.type).id, w.location === null ? null : c.locations[w.location]!.id,
    w.telehealthOk, JSON.stringify(w.times), w.priority, w.note, plusDays(c.today, -w.daysAgo), c.frontDesk,
  ]);
  await insertRows(q, 'waitlist_entries',
    [['id', 'uuid'], ['patient_id', 'uuid'], ['clinician_id', 'uuid'], ['appointment_type_id', 'uuid'], ['location_id', 'uuid'], ['telehealth_ok', 'boolean'],
      ['preferred_times', 'jsonb'], ['priority', 'smallint'], ['note', 'text'], ['added_on', 'date'], ['created_by', 'uuid']],
    waitlist);

  // The front desk left a voicemail after the latest no-show, and e-mailed the patient who paused.
  const outreach: unknown[][] = [];
  const lastNoShow = c.items.filter((i) => i.patient?.n === AT_RISK.noShows && i.a.status === 'no_show').sort((a, b) => b.a.startsAt.getTime() - a.a.startsAt.getTime())[0];
  if (lastNoShow) {
    const when = new Date(Math.min(lastNoShow.a.startsAt.getTime() + 20 * 3_600_000, c.now.getTime() - 3_600_000));
    outreach.push([newId(), lastNoShow.a.patientId, when, c.frontDesk, 'phone', 'left_message', null, 'Left a voicemail asking them to call back to reschedule']);
  }
  const paused = c.items.find((i) => i.patient?.n === AT_RISK.stopped && i.series?.endedOn);
  if (paused) {
    const when = new Date(Math.min(localToInstant(`${plusDays(paused.series!.endedOn!, 14)}T10:00`, c.timeZone).getTime(), c.now.getTime() - 3_600_000));
    outreach.push([newId(), paused.a.patientId, when, c.staff.get(c.patient(AT_RISK.stopped).therapist)!, 'email', 'sent', null, null]);
  }
  await insertRows(q, 'outreach_attempts',
    [['id', 'uuid'], ['patient_id', 'uuid'], ['at', 'timestamptz'], ['actor_id', 'uuid'], ['channel', 'text'], ['outcome', 'text'], ['template_key', 'text'], ['note', 'text']],
    outreach);
  return { waitlist: waitlist.length, outreach: outreach.length };
}
