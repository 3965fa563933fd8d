import { newId } from '../../src/platform/ids.js';
import type { RouteFixture, World } from '../bad-input-payloads.js';
import { aTemplate } from '../documentation-builders.js';

// Note work queues, full-text search, the documentation settings, the PDF export and group notes.
export const notesExtraPermissions: Record<string, string> = {
  'GET /api/notes/queue': 'clinical.read',
  'GET /api/notes/queue/counts': 'clinical.read',
  'POST /api/notes/search': 'clinical.read',
  'GET /api/notes/settings': 'staff.read',
  'PUT /api/notes/settings': 'practice.manage',
  'GET /api/notes/{id}/pdf': 'clinical.read',
  'POST /api/group-notes': 'clinical.write',
  'GET /api/group-notes/{id}': 'clinical.read',
  'GET /api/appointments/{id}/group-note': 'clinical.read',
  'PUT /api/group-notes/{id}': 'clinical.write',
  'POST /api/group-notes/{id}/sign': 'clinical.write',
};

/** A small, non-billable group template: one shared field and one member field, both required. */
const FIXTURE_GROUP_TEMPLATE = {
  sections: [
    { key: 'session', title: 'Group session', scope: 'shared', fields: [{ key: 'topic', label: 'Topic', type: 'long_text', required: true }] },
    { key: 'member', title: 'Member', scope: 'member', fields: [{ key: 'participation', label: 'Participation', type: 'long_text', required: true }] },
  ],
};

interface GroupNoteRef {
  id: string;
  version: number;
  members: { noteId: string; version: number }[];
}

interface NotesExtraState {
  templateId: string;
  /** Group sessions with a member marked present and no group note yet: each successful start uses one up. */
  sessions: string[];
  session: string | null;
  /** A group note to autosave. */
  draft: GroupNoteRef;
  /** Group notes ready to sign: each successful signature uses one up. */
  signPool: GroupNoteRef[];
  signing: GroupNoteRef | null;
}
const st = (w: World) => w.state.notesExtra as NotesExtraState;

const POOL = 6;
const content = {
  shared: { session: { topic: 'Coping skills for the holidays' } },
  member: { member: { participation: 'Shared one plan and practised it' } },
};
const refOf = (json: { id: string; version: number; members: { id: string; version: number }[] }): GroupNoteRef => ({
  id: json.id, version: json.version, members: json.members.map((m) => ({ noteId: m.id, version: m.version })),
});

/**
 * A group facilitated by therapist A with their patient as a member, past sessions with the member
 * marked present, one group note to autosave and a few saved ones to sign, made through the API.
 */
export async function notesExtraSetup(w: World): Promise<void> {
  const db = w.t.db;
  const template = await aTemplate(db, { definition: FIXTURE_GROUP_TEMPLATE, kind: 'group', billable: false, name: 'Fixture group note' });
  const groupId = newId();
  await db.query(`INSERT INTO groups(id, name, appointment_type_id, location_id, capacity) SELECT $1, 'Fixture notes group', t.id, $2, 8 FROM appointment_types t WHERE t.code = 'group'`, [groupId, w.ids.location]);
  await db.query('INSERT INTO group_facilitators(group_id, user_id, lead) VALUES ($1,$2,true)', [groupId, w.staff.therapistA.id]);
  await db.query('INSERT INTO group_members(id, group_id, patient_id, enrolled_on) VALUES ($1,$2,$3,$4)', [newId(), groupId, w.ids.patientOfA, '2024-01-01']);
  const sessions: string[] = [];
  // Past sessions, one a day in early 2025 (clear of every other fixture's bookings), each attended.
  for (let i = 0; i < POOL * 2 + 1; i++) {
    const id = newId();
    const day = new Date(Date.UTC(2025, 0, 6) + i * 86_400_000).toISOString().slice(0, 10);
    await db.query(
      `INSERT INTO appointments(id, group_id, clinician_id, location_id, appointment_type_id, time_zone, starts_at, ends_at)
       SELECT $1, $2, $3, $4, t.id, 'America/Chicago', ($5::timestamp AT TIME ZONE 'America/Chicago'), ($5::timestamp AT TIME ZONE 'America/Chicago') + interval '60 minutes'
         FROM appointment_types t WHERE t.code = 'group'`,
      [id, groupId, w.staff.therapistA.id, w.ids.location, `${day}T10:00`],
    );
    await db.query(`INSERT INTO group_attendance(appointment_id, patient_id, status) VALUES ($1,$2,'checked_in')`, [id, w.ids.patientOfA]);
    sessions.push(id);
  }
  const start = async (appointmentId: string) => {
    const r = await w.therapistA.post('/api/group-notes', { appointmentId, templateId: template.id });
    if (r.statusCode !== 201) throw new Error(`notes-extra setup (group note) failed: ${r.statusCode} ${r.body}`);
    return refOf(r.json());
  };
  const draft = await start(sessions.pop()!);
  const signPool: GroupNoteRef[] = [];
  for (let i = 0; i < POOL; i++) {
    const g = await start(sessions.pop()!);
    const saved = await w.therapistA.request('PUT', `/api/group-notes/${g.id}`, {
      version: g.version, sharedContent: content.shared, members: g.members.map((m) => ({ ...m, content: content.member })),
    });
    if (saved.statusCode !== 200) throw new Error(`notes-extra setup (save) failed: ${saved.statusCode} ${saved.body}`);
    signPool.push(refOf(saved.json()));
  }
  w.state.notesExtra = { templateId: template.id, sessions, session: null, draft, signPool, signing: null } satisfies NotesExtraState;
}

export const notesExtraFixtures: Record<string, RouteFixture> = {
  'POST /api/notes/search': {
    client: async (w) => w.therapistA,
    url: () => '/api/notes/search',
    body: (w) => ({ q: 'coping skills', authorId: w.staff.therapistA.id, patientId: w.ids.patientOfA, page: 1, pageSize: 10 }),
  },
  'PUT /api/notes/settings': {
    client: async (w) => w.admin,
    url: () => '/api/notes/settings',
    body: () => ({ noteOverdueHours: 72 }),
    readBack: async (w) => (await w.admin.get('/api/notes/settings')).json(),
  },
  'POST /api/group-notes': {
    client: async (w) => {
      const s = st(w);
      const used = new Set((await w.t.db.query<{ appointment_id: string }>('SELECT appointment_id FROM group_notes WHERE appointment_id = ANY($1::uuid[])', [s.sessions])).rows.map((r) => r.appointment_id));
      s.session = s.sessions.find((id) => !used.has(id)) ?? null;
      if (!s.session) throw new Error('the group-note start fixture pool is used up');
      return w.therapistA;
    },
    url: () => '/api/group-notes',
    body: (w) => ({ appointmentId: st(w).session ?? st(w).sessions[0]!, templateId: st(w).templateId }),
  },
  'PUT /api/group-notes/:id': {
    client: async (w) => w.therapistA,
    url: (w) => `/api/group-notes/${st(w).draft.id}`,
    body: (w) => {
      const d = st(w).draft;
      return { version: d.version, sharedContent: content.shared, members: d.members.map((m) => ({ noteId: m.noteId, version: m.version, content: content.member })) };
    },
    readBack: async (w) => (await w.therapistA.get(`/api/group-notes/${st(w).draft.id}`)).json(),
    after2xx: (w, res) => {
      st(w).draft = refOf(res.json());
    },
  },
  'POST /api/group-notes/:id/sign': {
    client: async (w) => {
      const s = st(w);
      const signed = new Set((await w.t.db.query<{ id: string }>(`SELECT id FROM group_notes WHERE id = ANY($1::uuid[]) AND status = 'signed'`, [s.signPool.map((g) => g.id)])).rows.map((r) => r.id));
      s.signing = s.signPool.find((g) => !signed.has(g.id)) ?? null;
      if (!s.signing) throw new Error('the group-note sign fixture pool is used up');
      return w.therapistA;
    },
    url: (w) => `/api/group-notes/${st(w).signing?.id ?? st(w).signPool[0]!.id}/sign`,
    body: (w) => ({ version: (st(w).signing ?? st(w).signPool[0]!).version, attestation: true }),
  },
};
