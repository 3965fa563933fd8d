import type { RouteFixture, World } from '../bad-input-payloads.js';

// Working hours, time off and extra hours, open slots. Fixtures change the supervisor's schedule
// (never therapist A's, whom the booking fixtures book: time off there would block them).
export const availabilityPermissions: Record<string, string> = {
  'GET /api/clinicians': 'scheduling.read',
  'GET /api/clinicians/{id}/hours': 'scheduling.read',
  'PUT /api/clinicians/{id}/hours': 'scheduling.write',
  'GET /api/clinicians/{id}/exceptions': 'scheduling.read',
  'POST /api/clinicians/{id}/exceptions': 'scheduling.write',
  'DELETE /api/clinician-exceptions/{id}': 'scheduling.write',
  'POST /api/scheduling/open-slots': 'scheduling.read',
};

interface AvailabilityState {
  /** Time-off entries the DELETE fixture removes, one per valid call. */
  deletable: string[];
  added: number;
}
const st = (w: World) => w.state.availability as AvailabilityState;

/** Adds one time-off entry for the supervisor, far in the future, and returns its id. */
async function addTimeOff(w: World): Promise<string> {
  const day = String(1 + (st(w).added++ % 28)).padStart(2, '0');
  const r = await w.frontDesk.post(`/api/clinicians/${w.staff.supervisor.id}/exceptions`, { kind: 'time_off', start: `2033-02-${day}T09:00`, end: `2033-02-${day}T12:00`, reason: 'Fixture' });
  if (r.statusCode !== 201) throw new Error(`availability fixture failed: ${r.statusCode} ${r.body}`);
  return r.json().id as string;
}

export async function availabilitySetup(w: World): Promise<void> {
  w.state.availability = { deletable: [], added: 0 } satisfies AvailabilityState;
  // A pool for the DELETE fixture: each valid call uses one up (the suites make very few).
  for (let i = 0; i < 10; i++) st(w).deletable.push(await addTimeOff(w));
}

export const availabilityFixtures: Record<string, RouteFixture> = {
  'PUT /api/clinicians/:id/hours': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/clinicians/${w.staff.supervisor.id}/hours`,
    body: (w) => ({
      hours: [
        { locationId: w.ids.location, weekday: 1, start: '09:00', end: '12:00', effectiveFrom: '2030-01-01', effectiveTo: null },
        { locationId: w.ids.location, weekday: 1, start: '13:00', end: '17:00', effectiveFrom: null, effectiveTo: '2040-12-31' },
      ],
    }),
    readBack: async (w) => (await w.frontDesk.get(`/api/clinicians/${w.staff.supervisor.id}/hours`)).json(),
  },
  'POST /api/clinicians/:id/exceptions': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/clinicians/${w.staff.supervisor.id}/exceptions`,
    body: (w) => ({ kind: 'extra_hours', locationId: w.ids.location, start: '2033-03-05T09:00', end: '2033-03-05T13:00', timeZone: 'America/Chicago', reason: 'Saturday clinic' }),
    readBack: async (w, res) => {
      const list = (await w.frontDesk.get(`/api/clinicians/${w.staff.supervisor.id}/exceptions?from=2033-01-01&to=2033-12-31`)).json() as { id: string }[];
      return list.find((e) => e.id === res.json().id);
    },
  },
  'DELETE /api/clinician-exceptions/:id': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/clinician-exceptions/${st(w).deletable[0]}`,
    after2xx: (w) => void st(w).deletable.shift(),
  },
  'POST /api/scheduling/open-slots': {
    client: async (w) => w.frontDesk,
    url: () => '/api/scheduling/open-slots',
    body: (w) => ({ clinicianId: w.staff.supervisor.id, locationId: w.ids.location, durationMinutes: 45, from: '2033-01-03', weeks: 2, limit: 5, stepMinutes: 15, telehealth: false }),
  },
};
