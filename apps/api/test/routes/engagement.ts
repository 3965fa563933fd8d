import type { RouteFixture, World } from '../bad-input-payloads.js';

// Attendance, dropout risk, outreach, the attendance dashboard and the waitlist.
export const engagementPermissions: Record<string, string> = {
  'GET /api/patients/{id}/attendance': 'scheduling.read',
  'GET /api/engagement/at-risk': 'scheduling.read',
  'GET /api/patients/{id}/outreach': 'scheduling.read',
  'POST /api/patients/{id}/outreach': 'scheduling.write',
  'POST /api/patients/{id}/outreach/send': 'scheduling.write',
  'GET /api/reports/attendance': 'scheduling.read',
  'GET /api/waitlist': 'scheduling.read',
  'GET /api/waitlist/suggestions': 'scheduling.read',
  'GET /api/waitlist/{id}': 'scheduling.read',
  'POST /api/waitlist': 'scheduling.write',
  'PATCH /api/waitlist/{id}': 'scheduling.write',
};

interface EngagementFixtureState {
  /** A patient with an e-mail address who accepts e-mail, for one-click outreach. */
  emailPatientId: string;
  typeId: string;
  entryId: string;
  entryVersion: number;
}
const st = (w: World) => w.state.engagement as EngagementFixtureState;

/** A patient who can be e-mailed and one waitlist entry to edit, both made through the API. */
export async function engagementSetup(w: World): Promise<void> {
  const p = await w.admin.post('/api/patients', {
    legalFirstName: 'Olive', legalLastName: 'Outreach', sexAtBirth: 'female', dateOfBirth: '1979-06-01',
    email: 'olive.outreach@example.com', contactPreferences: { okToEmail: true },
  });
  const typeId = (await w.t.db.query<{ id: string }>(`SELECT id FROM appointment_types WHERE code = 'individual-45'`)).rows[0]!.id;
  const e = await w.frontDesk.post('/api/waitlist', { patientId: w.ids.patient, priority: 2 });
  if (p.statusCode !== 201 || e.statusCode !== 201) throw new Error(`engagement setup failed: ${p.body} ${e.body}`);
  w.state.engagement = { emailPatientId: p.json().id, typeId, entryId: e.json().id, entryVersion: e.json().version } satisfies EngagementFixtureState;
}

const wishes = (w: World) => ({
  clinicianId: w.staff.therapistA.id,
  appointmentTypeId: st(w).typeId,
  locationId: w.ids.location,
  telehealthOk: true,
  preferredTimes: [{ weekday: 2, from: '09:00', to: '17:00' }],
  priority: 1,
  note: 'Prefers mornings; works evenings',
});
const readEntry = async (w: World, id: string) => (await w.frontDesk.get(`/api/waitlist/${id}`)).json();

export const engagementFixtures: Record<string, RouteFixture> = {
  'POST /api/patients/:id/outreach': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/patients/${w.ids.patient}/outreach`,
    body: () => ({ channel: 'phone', outcome: 'left_message', note: 'Left a voicemail asking for a call back', templateKey: 'missed-you' }),
    readBack: async (w, res) => ((await w.frontDesk.get(`/api/patients/${w.ids.patient}/outreach`)).json() as { id: string }[]).find((o) => o.id === res.json().id),
  },
  'POST /api/patients/:id/outreach/send': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/patients/${st(w).emailPatientId}/outreach/send`,
    body: () => ({ templateKey: 'schedule-next', channel: 'email' }),
  },
  'POST /api/waitlist': {
    client: async (w) => w.frontDesk,
    url: () => '/api/waitlist',
    body: (w) => ({ patientId: w.ids.patient, ...wishes(w) }),
    readBack: async (w, res) => readEntry(w, res.json().id),
  },
  'PATCH /api/waitlist/:id': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/waitlist/${st(w).entryId}`,
    body: (w) => ({ ...wishes(w), status: 'open', version: st(w).entryVersion }),
    after2xx: (w, res) => void (st(w).entryVersion = res.json().version),
    readBack: async (w) => readEntry(w, st(w).entryId),
  },
};
