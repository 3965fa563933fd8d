import { newId } from '../../src/platform/ids.js';
import type { RouteFixture, World } from '../bad-input-payloads.js';

// Group programs: the groups, their rosters and per-member attendance at group sessions.
export const groupsPermissions: Record<string, string> = {
  'GET /api/groups': 'scheduling.read',
  'POST /api/groups': 'scheduling.write',
  'GET /api/groups/{id}': 'scheduling.read',
  'PATCH /api/groups/{id}': 'scheduling.write',
  'POST /api/groups/{id}/end': 'scheduling.write',
  'POST /api/groups/{id}/members': 'scheduling.write',
  'POST /api/group-members/{id}/discharge': 'scheduling.write',
  'GET /api/appointments/{id}/group-attendance': 'scheduling.read',
  'PUT /api/appointments/{id}/group-attendance': 'scheduling.write',
};

interface GroupFixtureState {
  typeId: string;
  /** A group made through the API: edited, enrolled into, and its first session's attendance taken. */
  groupId: string;
  groupVersion: number;
  sessionId: string;
  /**
   * Groups to end and members to discharge: each successful call uses one up. They are made in advance
   * because the bad-input tests compare row counts around every call, including the fixture's own work.
   */
  endPool: string[];
  dischargePool: { groupId: string; memberId: string }[];
  endGroupId: string | null;
  discharge: { groupId: string; memberId: string } | null;
}

const POOL = 45;

let created = 0;

/** A group made through the API with one member, for the fixtures that edit it, enrol into it and take attendance. */
export async function groupsSetup(w: World): Promise<void> {
  const typeId = (await w.t.db.query<{ id: string }>(`SELECT id FROM appointment_types WHERE code = 'group'`)).rows[0]!.id;
  const g = await w.frontDesk.post('/api/groups', {
    name: 'Fixture skills group', appointmentTypeId: typeId, locationId: w.ids.location, roomId: w.ids.room, capacity: 12,
    facilitatorIds: [w.staff.therapistA.id], schedule: { start: '2031-01-07T18:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' },
  });
  if (g.statusCode !== 201) throw new Error(`groups setup failed: ${g.statusCode} ${g.body}`);
  const m = await w.frontDesk.post(`/api/groups/${g.json().id}/members`, { patientId: w.ids.patient, enrolledOn: '2030-01-01' });
  if (m.statusCode !== 201) throw new Error(`groups setup (member) failed: ${m.statusCode} ${m.body}`);
  const state: GroupFixtureState = {
    typeId, groupId: g.json().id, groupVersion: g.json().version, sessionId: g.json().sessions[0].appointmentId,
    endPool: [], dischargePool: [], endGroupId: null, discharge: null,
  };
  w.state.groups = state;
  for (let i = 0; i < POOL; i++) {
    state.endPool.push(await spareGroup(w));
    const groupId = await spareGroup(w);
    const memberId = newId();
    await w.t.db.query('INSERT INTO group_members(id, group_id, patient_id, enrolled_on) VALUES ($1,$2,$3,$4)', [memberId, groupId, w.ids.patient, '2030-01-01']);
    state.dischargePool.push({ groupId, memberId });
  }
}

const st = (w: World) => w.state.groups as GroupFixtureState;

/** A bare group straight in the database (no sessions), for fixtures that use one up. */
async function spareGroup(w: World): Promise<string> {
  const s = st(w);
  const id = newId();
  await w.t.db.query('INSERT INTO groups(id, name, appointment_type_id, location_id, capacity) VALUES ($1,$2,$3,$4,$5)', [id, 'Spare fixture group', s.typeId, w.ids.location, 8]);
  await w.t.db.query('INSERT INTO group_facilitators(group_id, user_id, lead) VALUES ($1,$2,true)', [id, w.staff.therapistA.id]);
  return id;
}

const readGroup = async (w: World, id: string) => (await w.frontDesk.get(`/api/groups/${id}`)).json() as Record<string, unknown> & { members: { id: string; dischargeReason: string | null }[] };

export const groupsFixtures: Record<string, RouteFixture> = {
  'POST /api/groups': {
    client: async (w) => w.frontDesk,
    url: () => '/api/groups',
    // Each call books its single session on a day of its own, so successful calls never collide.
    body: (w) => {
      const day = new Date(Date.UTC(2034, 0, 3) + created++ * 2 * 86_400_000).toISOString().slice(0, 10);
      return {
        name: 'DBT skills', description: 'Skills training for emotion regulation', appointmentTypeId: st(w).typeId, locationId: w.ids.location,
        roomId: w.ids.room, capacity: 10, facilitatorIds: [w.staff.therapistA.id, w.staff.therapistB.id],
        schedule: { start: `${day}T18:30`, durationMinutes: 90, recurrence: 'FREQ=WEEKLY;COUNT=1', timeZone: 'America/Chicago' },
      };
    },
    readBack: async (w, res) => readGroup(w, res.json().id),
  },
  'PATCH /api/groups/:id': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/groups/${st(w).groupId}`,
    body: (w) => ({
      name: 'Fixture skills group', description: 'Tuesdays in room 1', capacity: 12, roomId: w.ids.room,
      facilitatorIds: [w.staff.therapistA.id, w.staff.therapistB.id], version: st(w).groupVersion,
    }),
    readBack: async (w) => readGroup(w, st(w).groupId),
    after2xx: (w, res) => {
      st(w).groupVersion = res.json().version;
    },
  },
  'POST /api/groups/:id/end': {
    client: async (w) => {
      const s = st(w);
      const ended = new Set((await w.t.db.query<{ id: string }>(`SELECT id FROM groups WHERE id = ANY($1::uuid[]) AND status = 'ended'`, [s.endPool])).rows.map((r) => r.id));
      s.endGroupId = s.endPool.find((id) => !ended.has(id)) ?? null;
      if (!s.endGroupId) throw new Error('the end-group fixture pool is used up');
      return w.frontDesk;
    },
    url: (w) => `/api/groups/${st(w).endGroupId}/end`,
    body: () => ({ lastDate: '2031-06-30', reason: 'The program is complete' }),
    readBack: async (w, res) => {
      const g = await readGroup(w, res.json().id);
      return { lastDate: g.endedOn, reason: g.endReason };
    },
  },
  'POST /api/groups/:id/members': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/groups/${st(w).groupId}/members`,
    body: (w) => ({ patientId: w.ids.patientOfA, enrolledOn: '2031-01-01' }),
  },
  'POST /api/group-members/:id/discharge': {
    client: async (w) => {
      const s = st(w);
      const ids = s.dischargePool.map((x) => x.memberId);
      const done = new Set((await w.t.db.query<{ id: string }>('SELECT id FROM group_members WHERE id = ANY($1::uuid[]) AND discharged_on IS NOT NULL', [ids])).rows.map((r) => r.id));
      s.discharge = s.dischargePool.find((x) => !done.has(x.memberId)) ?? null;
      if (!s.discharge) throw new Error('the discharge fixture pool is used up');
      return w.frontDesk;
    },
    url: (w) => `/api/group-members/${st(w).discharge?.memberId}/discharge`,
    body: () => ({ dischargedOn: '2030-06-30', reason: 'Completed the program' }),
    readBack: async (w, res) => {
      const g = await readGroup(w, res.json().groupId);
      const m = g.members.find((x) => x.id === res.json().id);
      return { reason: m?.dischargeReason };
    },
  },
  'PUT /api/appointments/:id/group-attendance': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/appointments/${st(w).sessionId}/group-attendance`,
    body: (w) => ({ entries: [{ patientId: w.ids.patient, status: 'cancelled_patient', reason: 'Called the office to cancel', waiveFee: false }] }),
    readBack: async (w) => {
      const sheet = (await w.frontDesk.get(`/api/appointments/${st(w).sessionId}/group-attendance`)).json() as { entries: { patient: { id: string } | null; reason: string | null }[] };
      const e = sheet.entries.find((x) => x.patient?.id === w.ids.patient);
      return { entries: [{ reason: e?.reason }] };
    },
  },
};
