import { newId } from '../../src/platform/ids.js';
import { syncBuiltinContent } from '../../src/modules/documentation/sync-builtin-content.js';
import type { RouteFixture, World } from '../bad-input-payloads.js';

// Note templates (writers read published versions; administrators duplicate, edit, publish, retire)
// and the intervention list.
export const templatesPermissions: Record<string, string> = {
  'GET /api/note-templates': 'clinical.read',
  'GET /api/note-templates/{id}/versions/{version}': 'clinical.read',
  'GET /api/admin/note-templates': 'templates.manage',
  'GET /api/admin/note-templates/{id}/versions/{version}': 'templates.manage',
  'POST /api/admin/note-templates/{id}/duplicate': 'templates.manage',
  'PUT /api/admin/note-templates/{id}/draft': 'templates.manage',
  'POST /api/admin/note-templates/{id}/publish': 'templates.manage',
  'PATCH /api/admin/note-templates/{id}': 'templates.manage',
  'GET /api/interventions': 'clinical.read',
  'GET /api/admin/interventions': 'templates.manage',
  'POST /api/admin/interventions': 'templates.manage',
};

interface TemplateFixtureState {
  /** A built-in to duplicate. */
  builtinId: string;
  /** A practice template (progress, not billable) whose draft the fixtures save and whose flag they switch. */
  draftId: string;
  /** Another practice template, given a draft before each publish call so one is always there to publish. */
  publishId: string;
  interventionSeq: number;
}

const st = (w: World) => w.state.templates as TemplateFixtureState;

const definition = () => ({
  sections: [{
    key: 'summary', title: 'Session summary', help: 'What happened in the session',
    fields: [
      { key: 'notes', label: 'Notes', type: 'long_text', required: true, help: 'In the client’s words where you can', maxLength: 5000 },
      { key: 'mood', label: 'Mood', type: 'single_choice', options: [{ value: 'good', label: 'Good' }, { value: 'low', label: 'Low' }] },
    ],
  }],
});

/** A practice template straight in the database, with a published version 1. */
async function practiceTemplate(w: World, name: string): Promise<string> {
  const id = newId();
  await w.t.db.query(`INSERT INTO note_templates(id, name, kind, billable) VALUES ($1, $2, 'progress', false)`, [id, name]);
  await w.t.db.query(`INSERT INTO note_template_versions(template_id, version, definition, status, published_at) VALUES ($1, 1, $2::jsonb, 'published', now())`, [id, JSON.stringify(definition())]);
  return id;
}

export async function templatesSetup(w: World): Promise<void> {
  // Idempotent: the harness may already have loaded the built-ins.
  await syncBuiltinContent(w.t.db);
  const builtinId = (await w.t.db.query<{ id: string }>('SELECT id FROM note_templates WHERE builtin_key IS NOT NULL ORDER BY builtin_key LIMIT 1')).rows[0]!.id;
  w.state.templates = {
    builtinId,
    draftId: await practiceTemplate(w, 'Fixture practice note'),
    publishId: await practiceTemplate(w, 'Fixture note to publish'),
    interventionSeq: 0,
  } satisfies TemplateFixtureState;
}

const adminVersion = async (w: World, id: string, version: number) => (await w.admin.get(`/api/admin/note-templates/${id}/versions/${version}`)).json() as Record<string, unknown>;
const adminSummary = async (w: World, id: string) => ((await w.admin.get('/api/admin/note-templates')).json() as { id: string }[]).find((x) => x.id === id);
const interventionCode = (n: number) => `fixture_${n.toString(36)}`;

export const templatesFixtures: Record<string, RouteFixture> = {
  'POST /api/admin/note-templates/:id/duplicate': {
    client: async (w) => w.admin,
    url: (w) => `/api/admin/note-templates/${st(w).builtinId}/duplicate`,
    body: () => ({ name: 'Practice copy' }),
    readBack: async (w, res) => adminSummary(w, res.json().id),
  },
  'PUT /api/admin/note-templates/:id/draft': {
    client: async (w) => w.admin,
    url: (w) => `/api/admin/note-templates/${st(w).draftId}/draft`,
    body: () => ({ name: 'Fixture practice note', definition: definition() }),
    readBack: async (w, res) => adminVersion(w, st(w).draftId, res.json().version),
  },
  'POST /api/admin/note-templates/:id/publish': {
    client: async (w) => {
      const s = st(w);
      const draft = await w.t.db.query(`SELECT 1 FROM note_template_versions WHERE template_id = $1 AND status = 'draft'`, [s.publishId]);
      if (!draft.rows.length) {
        const r = await w.admin.request('PUT', `/api/admin/note-templates/${s.publishId}/draft`, { definition: definition() });
        if (r.statusCode !== 200) throw new Error(`publish fixture: saving a draft failed: ${r.statusCode} ${r.body}`);
      }
      return w.admin;
    },
    url: (w) => `/api/admin/note-templates/${st(w).publishId}/publish`,
  },
  'PATCH /api/admin/note-templates/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/admin/note-templates/${st(w).draftId}`,
    body: () => ({ active: true }),
    readBack: async (w) => adminSummary(w, st(w).draftId),
  },
  'POST /api/admin/interventions': {
    client: async (w) => w.admin,
    url: () => '/api/admin/interventions',
    // A fresh code after every success: codes are unique.
    body: (w) => ({ code: interventionCode(st(w).interventionSeq), label: 'Sand tray work' }),
    readBack: async (w, _res, sent) => ((await w.admin.get('/api/admin/interventions')).json() as { code: string }[]).find((i) => i.code === sent.code),
    after2xx: (w) => {
      st(w).interventionSeq++;
    },
  },
};
