import type { RouteFixture, World } from '../bad-input-payloads.js';
import { anAppointment } from '../engagement-builders.js';

// Psychotherapy notes: a clinician's private process notes, readable and writable only by their author.
export const psychotherapyPermissions: Record<string, string> = {
  'GET /api/psychotherapy-notes': 'clinical.write',
  'POST /api/psychotherapy-notes': 'clinical.write',
  'GET /api/psychotherapy-notes/{id}': 'clinical.write',
  'PUT /api/psychotherapy-notes/{id}': 'clinical.write',
};

interface PsychotherapyFixtureState {
  /** A session of therapist A's patient, for notes linked to an appointment. */
  appointmentId: string;
  sessionDate: string;
  /** Therapist A's own note, rewritten by the PUT fixture. */
  noteId: string;
  version: number;
}

// A date no other module's fixtures book (the notes fixtures use early 2025).
const SESSION_DATE = '2024-06-03';

/** A session of therapist A's patient and a psychotherapy note of therapist A's, for the fixtures. */
export async function psychotherapySetup(w: World): Promise<void> {
  const appointmentId = await anAppointment(w.t.db, {
    patientId: w.ids.patientOfA, clinicianId: w.staff.therapistA.id, locationId: w.ids.location, start: `${SESSION_DATE}T10:00`, timeZone: 'America/Chicago', status: 'completed',
  });
  const r = await w.therapistA.post('/api/psychotherapy-notes', { patientId: w.ids.patientOfA, sessionDate: SESSION_DATE, body: 'Fixture process note.' });
  if (r.statusCode !== 201) throw new Error(`psychotherapy setup failed: ${r.statusCode} ${r.body}`);
  const state: PsychotherapyFixtureState = { appointmentId, sessionDate: SESSION_DATE, noteId: r.json().id, version: r.json().version };
  w.state.psychotherapy = state;
}

const st = (w: World) => w.state.psychotherapy as PsychotherapyFixtureState;

const readNote = async (w: World, id: string) => (await w.therapistA.get(`/api/psychotherapy-notes/${id}`)).json() as Record<string, unknown>;

export const psychotherapyFixtures: Record<string, RouteFixture> = {
  'POST /api/psychotherapy-notes': {
    client: async (w) => w.therapistA,
    url: () => '/api/psychotherapy-notes',
    body: (w) => ({
      patientId: w.ids.patientOfA, appointmentId: st(w).appointmentId, sessionDate: st(w).sessionDate,
      body: 'Felt stuck again today; my own reaction was impatience. Hypothesis: shame about the job loss.\nExplore next time.',
    }),
    readBack: async (w, res) => readNote(w, res.json().id),
  },
  'PUT /api/psychotherapy-notes/:id': {
    client: async (w) => w.therapistA,
    url: (w) => `/api/psychotherapy-notes/${st(w).noteId}`,
    body: (w) => ({ version: st(w).version, body: 'Rewritten after supervision: less about the job, more about the father.' }),
    readBack: async (w) => readNote(w, st(w).noteId),
    after2xx: (w, res) => {
      st(w).version = res.json().version;
    },
  },
};
