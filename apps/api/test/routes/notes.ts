import type { RouteFixture, World } from '../bad-input-payloads.js';
import { aStaff, signedIn } from '../builders.js';
import type { Client } from '../harness.js';
import { TEST_CODES, aNote, aSignedNote, aTemplate, anIntervention, icd10, onCareTeam, progressDefinition } from '../documentation-builders.js';

// Clinical notes: starting, autosaving, signing, co-signing or returning, addenda, and the chart's
// and an appointment's notes. Reads need clinical.read, writes clinical.write, co-signature
// clinical.cosign (admins, front desk and billers hold none of them).
export const notesPermissions: Record<string, string> = {
  'POST /api/notes': 'clinical.write',
  'GET /api/notes/{id}': 'clinical.read',
  'PUT /api/notes/{id}': 'clinical.write',
  'POST /api/notes/{id}/sign': 'clinical.write',
  'POST /api/notes/{id}/cosign': 'clinical.cosign',
  'POST /api/notes/{id}/return': 'clinical.cosign',
  'POST /api/notes/{id}/addenda': 'clinical.write',
  'GET /api/patients/{id}/notes': 'clinical.read',
  'GET /api/appointments/{id}/note': 'clinical.read',
};

interface NotesFixtureState {
  templateId: string;
  /** therapistA's draft on patientOfA, autosaved by the PUT fixture. */
  draftId: string;
  draftVersion: number;
  /** A signed note of therapistA's, for addenda (which never use it up). */
  signedId: string;
  supervisor: Client;
  /**
   * Notes that a successful call uses up (signing, co-signing, returning), made in advance: the
   * bad-input tests compare row counts around every call, including the fixture's own work.
   */
  signPool: string[];
  cosignPool: string[];
  returnPool: string[];
  current: { sign: string | null; cosign: string | null; return: string | null };
}

const SIGN_POOL = 15;
const SUPERVISOR_POOL = 45;
const st = (w: World) => w.state.notes as NotesFixtureState;

/** The first note of a pool still in the status the route acts on. */
async function nextOf(w: World, pool: string[], status: string, what: string): Promise<string> {
  const r = await w.t.db.query<{ id: string }>(`SELECT id FROM notes WHERE id = ANY($1::uuid[]) AND status = $2`, [pool, status]);
  const open = new Set(r.rows.map((x) => x.id));
  const id = pool.find((x) => open.has(x));
  if (!id) throw new Error(`the ${what} fixture pool is used up`);
  return id;
}

/**
 * A billable progress template, therapistA's draft and signed note on patientOfA, and pools of
 * complete drafts (to sign) and of an associate's notes awaiting w.staff.supervisor (to co-sign or return).
 */
export async function notesSetup(w: World): Promise<void> {
  const db = w.t.db;
  await icd10(db, TEST_CODES);
  await anIntervention(db, 'test_cbt', 'Cognitive restructuring (test)');
  const template = await aTemplate(db, { definition: progressDefinition(), billable: true, kind: 'progress', name: 'Fixture progress note' });
  const draft = await w.therapistA.post('/api/notes', { patientId: w.ids.patientOfA, templateId: template.id });
  if (draft.statusCode !== 201) throw new Error(`notes setup failed: ${draft.statusCode} ${draft.body}`);
  const associate = await aStaff(db, { roles: ['associate'], supervisorId: w.staff.supervisor.id });
  await onCareTeam(db, w.ids.patientOfA, associate.id);
  const base = { patientId: w.ids.patientOfA, template };
  const state: NotesFixtureState = {
    templateId: template.id, draftId: draft.json().id, draftVersion: draft.json().version,
    signedId: await aSignedNote(db, { ...base, authorId: w.staff.therapistA.id }),
    supervisor: await signedIn(w.t, w.staff.supervisor),
    signPool: [], cosignPool: [], returnPool: [], current: { sign: null, cosign: null, return: null },
  };
  for (let i = 0; i < SIGN_POOL; i++) state.signPool.push(await aNote(db, { ...base, authorId: w.staff.therapistA.id, status: 'draft' }));
  for (let i = 0; i < SUPERVISOR_POOL; i++) {
    state.cosignPool.push(await aNote(db, { ...base, authorId: associate.id, status: 'pending_cosign', supervisorId: w.staff.supervisor.id }));
    state.returnPool.push(await aNote(db, { ...base, authorId: associate.id, status: 'pending_cosign', supervisorId: w.staff.supervisor.id }));
  }
  w.state.notes = state;
}

const encounter = () => ({
  serviceDate: '2031-01-07', startTime: '15:00', endTime: '15:53', psychotherapyMinutes: 53, medicalMinutes: 0, placeOfService: 'telehealth',
  telehealthMode: 'video', patientLocation: 'Home, Springfield IL', participants: [{ role: 'guardian', name: 'Mother' }], diagnoses: [{ code: 'F41.1' }],
});

const readNote = async (w: World, id: string) => (await w.therapistA.get(`/api/notes/${id}`)).json() as Record<string, unknown>;

export const notesFixtures: Record<string, RouteFixture> = {
  'POST /api/notes': {
    client: async (w) => w.therapistA,
    url: () => '/api/notes',
    body: (w) => ({ patientId: w.ids.patientOfA, templateId: st(w).templateId, copyForward: false, encounter: encounter() }),
    readBack: async (w, res) => readNote(w, res.json().id),
  },
  'PUT /api/notes/:id': {
    client: async (w) => w.therapistA,
    url: (w) => `/api/notes/${st(w).draftId}`,
    body: (w) => ({
      version: st(w).draftVersion, encounter: encounter(),
      content: { data: { subjective: 'Reports better sleep', mood: 'stable', interventions: ['test_cbt'] }, plan: { plan: 'Continue weekly' } }, enabledSections: [],
    }),
    readBack: async (w) => readNote(w, st(w).draftId),
    after2xx: (w, res) => {
      st(w).draftVersion = res.json().version;
    },
  },
  'POST /api/notes/:id/sign': {
    client: async (w) => {
      st(w).current.sign = await nextOf(w, st(w).signPool, 'draft', 'sign');
      return w.therapistA;
    },
    url: (w) => `/api/notes/${st(w).current.sign}/sign`,
    body: () => ({ version: 1, attestation: true }),
  },
  'POST /api/notes/:id/cosign': {
    client: async (w) => {
      st(w).current.cosign = await nextOf(w, st(w).cosignPool, 'pending_cosign', 'co-sign');
      return st(w).supervisor;
    },
    url: (w) => `/api/notes/${st(w).current.cosign}/cosign`,
    body: () => ({ version: 1 }),
  },
  'POST /api/notes/:id/return': {
    client: async (w) => {
      st(w).current.return = await nextOf(w, st(w).returnPool, 'pending_cosign', 'return');
      return st(w).supervisor;
    },
    url: (w) => `/api/notes/${st(w).current.return}/return`,
    body: () => ({ version: 1, comment: 'Please add the safety plan to the plan.' }),
    readBack: async (w, res) => {
      const sig = (res.json().signatures as { kind: string; comment: string | null }[]).filter((x) => x.kind === 'returned').at(-1);
      return { comment: sig?.comment };
    },
  },
  'POST /api/notes/:id/addenda': {
    client: async (w) => w.therapistA,
    url: (w) => `/api/notes/${st(w).signedId}/addenda`,
    body: () => ({ reason: 'correction', body: 'The PHQ-9 score was 12, not 21.' }),
    readBack: async (w, res) => {
      const a = (res.json().addenda as { reason: string; body: string }[]).at(-1);
      return { reason: a?.reason, body: a?.body };
    },
  },
};
