import type { RouteFixture, World } from '../bad-input-payloads.js';
import { newId } from '../../src/platform/ids.js';
import { Client } from '../harness.js';
import { anAppointment, issueLink } from '../reminders-support.js';

// Reminder rules, the dispatcher's "run now", the SMS sandbox, and the public confirm/cancel links.
export const remindersPermissions: Record<string, string> = {
  'GET /api/reminder-rules': 'scheduling.read',
  'POST /api/reminder-rules': 'scheduling.manage',
  'PATCH /api/reminder-rules/{id}': 'scheduling.manage',
  'DELETE /api/reminder-rules/{id}': 'scheduling.manage',
  'GET /api/reminders/settings': 'scheduling.read',
  'POST /api/reminders/run-due': 'scheduling.manage',
  'GET /api/reminders/sms-sandbox': 'scheduling.manage',
  'GET /api/public/appointment-links/{token}': 'public',
  'POST /api/public/appointment-links/{token}/confirm': 'public',
  'POST /api/public/appointment-links/{token}/cancel': 'public',
};

interface RemindersState {
  patchRuleId: string;
  deleteRuleId: string;
  confirmToken: string;
  cancelToken: string;
}
const st = (w: World) => w.state.reminders as RemindersState;
// Rules are unique per channel and timing: each valid body gets a fresh timing.
let minutes = 3000;
const nextMinutes = () => ++minutes;

async function aRule(w: World, channel: 'email' | 'sms', minutesBefore: number): Promise<string> {
  const id = newId();
  await w.t.db.query('INSERT INTO reminder_rules(id, channel, minutes_before) VALUES ($1,$2,$3)', [id, channel, minutesBefore]);
  return id;
}

/** Two rules to change and delete, and an appointment (far ahead, therapist B) with two links. */
export async function remindersSetup(w: World): Promise<void> {
  const startsAt = new Date('2032-06-01T15:00:00Z');
  const appt = await anAppointment(w.t.db, { patientId: w.ids.patient, clinicianId: w.staff.therapistB.id, locationId: w.ids.location, startsAt, timeZone: 'America/Chicago' });
  w.state.reminders = {
    patchRuleId: await aRule(w, 'email', 10_001),
    deleteRuleId: await aRule(w, 'sms', 10_002),
    confirmToken: await issueLink(w.t, appt, w.ids.patient, startsAt),
    cancelToken: await issueLink(w.t, appt, w.ids.patient, startsAt),
  } satisfies RemindersState;
}

const findRule = async (w: World, id: string) => ((await w.admin.get('/api/reminder-rules')).json() as { id: string }[]).find((r) => r.id === id);

export const remindersFixtures: Record<string, RouteFixture> = {
  'POST /api/reminder-rules': {
    client: async (w) => w.admin,
    url: () => '/api/reminder-rules',
    body: () => ({ channel: 'sms', minutesBefore: nextMinutes(), active: true }),
    readBack: async (w, res) => findRule(w, res.json().id),
  },
  'PATCH /api/reminder-rules/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/reminder-rules/${st(w).patchRuleId}`,
    body: () => ({ channel: 'email', minutesBefore: nextMinutes(), active: false }),
    readBack: async (w) => findRule(w, st(w).patchRuleId),
  },
  'DELETE /api/reminder-rules/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/reminder-rules/${st(w).deleteRuleId}`,
  },
  'POST /api/reminders/run-due': {
    client: async (w) => w.admin,
    url: () => '/api/reminders/run-due',
  },
  'POST /api/public/appointment-links/:token/confirm': {
    client: async (w) => new Client(w.t.app),
    url: (w) => `/api/public/appointment-links/${st(w).confirmToken}/confirm`,
  },
  'POST /api/public/appointment-links/:token/cancel': {
    client: async (w) => new Client(w.t.app),
    url: (w) => `/api/public/appointment-links/${st(w).cancelToken}/cancel`,
  },
};
