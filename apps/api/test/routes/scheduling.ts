import type { RouteFixture, World } from '../bad-input-payloads.js';

// Appointment types, settings, booking, the calendar, moves and statuses.
export const schedulingPermissions: Record<string, string> = {
  'GET /api/appointment-types': 'scheduling.read',
  'POST /api/appointment-types': 'scheduling.manage',
  'PATCH /api/appointment-types/{id}': 'scheduling.manage',
  'GET /api/scheduling/settings': 'scheduling.read',
  'PATCH /api/scheduling/settings': 'scheduling.manage',
  'POST /api/appointments/preview': 'scheduling.write',
  'POST /api/appointments': 'scheduling.write',
  'GET /api/appointments': 'scheduling.read',
  'GET /api/appointments/{id}': 'scheduling.read',
  'GET /api/appointments/{id}/history': 'scheduling.read',
  'PATCH /api/appointments/{id}': 'scheduling.write',
  'POST /api/appointments/{id}/status': 'scheduling.write',
  'POST /api/appointments/{id}/skip': 'scheduling.write',
  'POST /api/appointments/{id}/reschedule': 'scheduling.write',
  'GET /api/series/{id}': 'scheduling.read',
  'POST /api/series/{id}/end': 'scheduling.write',
};

interface SchedState {
  typeId: string;
  editTypeId: string;
  editTypeVersion: number;
  apptId: string;
  apptVersion: number;
  apptStatus: string;
  skipPool: { id: string; version: number }[];
  seriesId: string;
  bookings: number;
}
const st = (w: World) => w.state.scheduling as SchedState;
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A series for patientOfA with therapist A (far in the future, clear of other fixtures) to move, confirm and skip. */
export async function schedulingSetup(w: World): Promise<void> {
  const types = (await w.frontDesk.get('/api/appointment-types')).json() as { id: string; code: string; version: number }[];
  const typeId = types.find((t) => t.code === 'individual-45')!.id;
  const edit = await w.admin.post('/api/appointment-types', { code: `fixture-${uniq()}`, name: 'Fixture type', durationMinutes: 30, serviceHint: 'other', mode: 'either', color: '#336699' });
  const series = await w.frontDesk.post('/api/appointments', {
    patientId: w.ids.patientOfA, clinicianId: w.staff.therapistA.id, locationId: w.ids.location, appointmentTypeId: typeId,
    start: '2031-03-04T10:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=30',
  });
  if (edit.statusCode !== 201 || series.statusCode !== 201) throw new Error(`scheduling setup failed: ${edit.body} ${series.body}`);
  const appts = series.json().appointments as { id: string; version: number }[];
  const other = await w.frontDesk.post('/api/appointments', {
    patientId: w.ids.patientOfA, clinicianId: w.staff.therapistA.id, locationId: w.ids.location, appointmentTypeId: typeId,
    start: '2031-03-05T10:00', recurrence: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
  });
  w.state.scheduling = {
    typeId, editTypeId: edit.json().id, editTypeVersion: edit.json().version, apptId: appts[0]!.id, apptVersion: appts[0]!.version, apptStatus: 'scheduled',
    skipPool: appts.slice(1), seriesId: other.json().seriesId, bookings: 0,
  } satisfies SchedState;
}

const booking = (w: World, start: string) => ({
  patientId: w.ids.patientOfA, clinicianId: w.staff.therapistA.id, locationId: w.ids.location, roomId: w.ids.room,
  appointmentTypeId: st(w).typeId, telehealth: false, start, durationMinutes: 45, timeZone: 'America/Chicago',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2', skip: [], moves: [],
});

export const schedulingFixtures: Record<string, RouteFixture> = {
  'POST /api/appointment-types': {
    client: async (w) => w.admin,
    url: () => '/api/appointment-types',
    body: () => ({ code: `t-${uniq()}`, name: 'Walk and talk', durationMinutes: 50, serviceHint: 'psychotherapy', mode: 'in_person', color: '#1c7ed6', isGroup: false, active: true, sort: 5 }),
    readBack: async (w, res) => ((await w.admin.get('/api/appointment-types')).json() as { id: string }[]).find((t) => t.id === res.json().id),
  },
  'PATCH /api/appointment-types/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/appointment-types/${st(w).editTypeId}`,
    body: (w) => ({ name: `Renamed ${uniq()}`, durationMinutes: 40, color: '#aa3355', version: st(w).editTypeVersion }),
    after2xx: (w, res) => void (st(w).editTypeVersion = res.json().version),
    readBack: async (w) => ((await w.admin.get('/api/appointment-types')).json() as { id: string }[]).find((t) => t.id === st(w).editTypeId),
  },
  'PATCH /api/scheduling/settings': {
    client: async (w) => w.admin,
    url: () => '/api/scheduling/settings',
    body: (w) => ({ lateCancelWindowHours: 24, noShowFeeCents: 5000, lateCancelFeeCents: 2500, medicaidFeeExempt: true, payerFees: [{ payerId: w.ids.payer, noShowFeeCents: 0, lateCancelFeeCents: null, exempt: false }] }),
  },
  'POST /api/appointments/preview': {
    client: async (w) => w.frontDesk,
    url: () => '/api/appointments/preview',
    body: (w) => booking(w, '2031-06-02T09:00'),
  },
  'POST /api/appointments': {
    client: async (w) => w.frontDesk,
    url: () => '/api/appointments',
    // A fresh hour each time, so a valid call books instead of conflicting with the previous one.
    body: (w) => booking(w, `2032-01-${String(5 + Math.floor(st(w).bookings / 8) * 1).padStart(2, '0')}T${String(8 + (st(w).bookings % 8)).padStart(2, '0')}:00`),
    after2xx: (w) => void (st(w).bookings += 1),
  },
  'PATCH /api/appointments/:id': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/appointments/${st(w).apptId}`,
    body: (w) => ({ scope: 'this', start: '2031-03-04T11:00', durationMinutes: 45, roomId: w.ids.room, telehealth: false, reason: 'Patient asked for a later time', version: st(w).apptVersion }),
    after2xx: (w, res) => {
      st(w).apptVersion = res.json().version;
      st(w).apptStatus = res.json().status;
    },
    readBack: async (w) => {
      const h = (await w.frontDesk.get(`/api/appointments/${st(w).apptId}/history`)).json() as { reason: string | null }[];
      const a = (await w.frontDesk.get(`/api/appointments/${st(w).apptId}`)).json() as Record<string, unknown>;
      return { ...a, reason: h.at(-1)?.reason };
    },
  },
  'POST /api/appointments/:id/status': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/appointments/${st(w).apptId}/status`,
    body: (w) => ({ status: st(w).apptStatus === 'confirmed' ? 'scheduled' : 'confirmed', reason: 'Called the office', version: st(w).apptVersion, waiveFee: false }),
    after2xx: (w, res) => {
      st(w).apptVersion = res.json().version;
      st(w).apptStatus = res.json().status;
    },
    readBack: async (w) => ({ reason: ((await w.frontDesk.get(`/api/appointments/${st(w).apptId}`)).json() as { statusReason: string }).statusReason }),
  },
  'POST /api/appointments/:id/skip': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/appointments/${st(w).skipPool[0]?.id ?? st(w).apptId}/skip`,
    body: (w) => ({ reason: 'Office closed', version: st(w).skipPool[0]?.version ?? 1 }),
    after2xx: (w) => void st(w).skipPool.shift(),
  },
  'POST /api/appointments/:id/reschedule': {
    client: async (w) => w.frontDesk,
    // Each success consumes an occurrence; take the next one from the pool.
    url: (w) => `/api/appointments/${st(w).skipPool.at(-1)?.id ?? st(w).apptId}/reschedule`,
    body: (w) => ({ start: `2033-02-${String(1 + (st(w).bookings % 27)).padStart(2, '0')}T09:00`, durationMinutes: 45, roomId: null, telehealth: true, reason: 'Patient asked to move it', version: st(w).skipPool.at(-1)?.version ?? 1 }),
    after2xx: (w) => {
      st(w).skipPool.pop();
      st(w).bookings += 1;
    },
  },
  'POST /api/series/:id/end': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/series/${st(w).seriesId}/end`,
    body: () => ({ lastDate: '2031-03-12', reason: 'Treatment completed' }),
  },
};
