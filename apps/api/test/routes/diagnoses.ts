import { syncBuiltinContent } from '../../src/modules/documentation/sync-builtin-content.js';
import type { RouteFixture, World } from '../bad-input-payloads.js';

// ICD-10-CM look-up and the patient's problem list.
export const diagnosesPermissions: Record<string, string> = {
  'GET /api/icd10/codes': 'clinical.read',
  'GET /api/icd10/codes/{code}': 'clinical.read',
  'GET /api/patients/{id}/problems': 'clinical.read',
  'POST /api/patients/{id}/problems': 'clinical.write',
  'PATCH /api/patients/{id}/problems/{problemId}': 'clinical.write',
};

interface DiagnosesFixtureState {
  /** Current billable codes not yet on the patient's list: each successful add uses one up. */
  freeCodes: string[];
  /** A problem on therapist A's patient, for the fixture that edits it. */
  problemId: string;
  problemVersion: number;
}

const st = (w: World) => w.state.diagnoses as DiagnosesFixtureState;

export async function diagnosesSetup(w: World): Promise<void> {
  await syncBuiltinContent(w.t.db);
  const codes = (await w.t.db.query<{ code: string }>(
    `SELECT code FROM icd10_codes WHERE billable AND effective_to IS NULL AND effective_from <= current_date ORDER BY code LIMIT 301`,
  )).rows.map((r) => r.code);
  if (codes.length < 50) throw new Error('diagnoses setup: too few ICD-10-CM codes loaded');
  const res = await w.therapistA.post(`/api/patients/${w.ids.patientOfA}/problems`, { code: codes[0], onsetDate: '2024-01-15' });
  if (res.statusCode !== 201) throw new Error(`diagnoses setup failed: ${res.statusCode} ${res.body}`);
  w.state.diagnoses = { freeCodes: codes.slice(1), problemId: res.json().id, problemVersion: res.json().version } satisfies DiagnosesFixtureState;
}

const readProblem = async (w: World, id: string) =>
  ((await w.therapistA.get(`/api/patients/${w.ids.patientOfA}/problems`)).json() as { id: string }[]).find((p) => p.id === id);

export const diagnosesFixtures: Record<string, RouteFixture> = {
  'POST /api/patients/:id/problems': {
    client: async (w) => w.therapistA,
    url: (w) => `/api/patients/${w.ids.patientOfA}/problems`,
    body: (w) => {
      const code = st(w).freeCodes[0];
      if (!code) throw new Error('the problem-list fixture ran out of codes');
      return { code, onsetDate: '2024-03-01', status: 'active', isPrimary: false, comment: 'Since the move' };
    },
    readBack: async (w, res) => readProblem(w, res.json().id),
    after2xx: (w) => {
      st(w).freeCodes.shift();
    },
  },
  'PATCH /api/patients/:id/problems/:problemId': {
    client: async (w) => w.therapistA,
    url: (w) => `/api/patients/${w.ids.patientOfA}/problems/${st(w).problemId}`,
    body: (w) => ({ version: st(w).problemVersion, status: 'active', onsetDate: '2024-01-15', isPrimary: true, comment: 'Improving with weekly sessions' }),
    readBack: async (w) => readProblem(w, st(w).problemId),
    after2xx: (w, res) => {
      st(w).problemVersion = res.json().version;
    },
  },
};
