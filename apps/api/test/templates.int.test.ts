import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_RELEASE, INTERVENTIONS } from '@hearth/content';
import { ZBuiltinTemplate, type TTemplateDefinition, type TTemplateSummary } from '@hearth/contracts';
import { aPractice, aStaff, signedIn } from './builders.js';
import { testApp, type Client, type TestApp } from './harness.js';
import { syncBuiltinContent } from '../src/modules/documentation/sync-builtin-content.js';

// Note templates: the built-ins loaded once per release, writers reading published versions,
// administrators duplicating, editing a draft, publishing and retiring; plus the intervention list.
const NOW = new Date('2027-03-15T17:00:00Z');

describe('note templates', () => {
  let t: TestApp;
  let admin: Client;
  let therapist: Client;
  let frontDesk: Client;
  let adminId: string;

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const a = await aStaff(t.db, { roles: ['admin'], mfa: true });
    adminId = a.id;
    admin = await signedIn(t, a);
    therapist = await signedIn(t, await aStaff(t.db, { roles: ['therapist'] }));
    frontDesk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
  });
  afterAll(() => t.close());

  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n);
  const templateState = async (id: string) =>
    (await t.db.query(`SELECT t.name, t.active, v.version, v.status, v.definition, v.published_at, v.updated_at FROM note_templates t JOIN note_template_versions v ON v.template_id = t.id WHERE t.id = $1 ORDER BY v.version`, [id])).rows;
  const builtinId = async (key: string) => (await t.db.query<{ id: string }>('SELECT id FROM note_templates WHERE builtin_key = $1', [key])).rows[0]!.id;
  const auditCount = () => count('audit_events');

  /** A small valid definition for a practice progress note that is not billable. */
  const simple = (title = 'Summary'): TTemplateDefinition => ({
    sections: [{
      key: 'summary', title, scope: 'note', optional: false,
      fields: [
        { key: 'notes', label: 'Notes', type: 'long_text', required: true, help: 'What happened' },
        { key: 'mood', label: 'Mood', type: 'single_choice', required: false, options: [{ value: 'good', label: 'Good' }, { value: 'low', label: 'Low' }] },
      ],
    }],
  });

  describe('built-in content sync', () => {
    it('loaded every built-in template as a published version numbered as shipped, and recorded the releases', async () => {
      const rows = (await t.db.query<{ builtin_key: string; name: string; kind: string; billable: boolean; version: number; status: string; definition: unknown; published_at: Date | null }>(
        `SELECT t.builtin_key, t.name, t.kind, t.billable, v.version, v.status, v.definition, v.published_at
           FROM note_templates t JOIN note_template_versions v ON v.template_id = t.id ORDER BY t.builtin_key`,
      )).rows;
      expect(rows).toHaveLength(BUILTIN_TEMPLATES.length);
      for (const b of BUILTIN_TEMPLATES) {
        const r = rows.find((x) => x.builtin_key === b.key)!;
        expect(r, b.key).toMatchObject({ name: b.name, kind: b.kind, billable: b.billable, version: b.version, status: 'published' });
        expect(r.definition, b.key).toEqual(ZBuiltinTemplate.parse(b).definition);
        expect(r.published_at, b.key).not.toBeNull();
      }
      const releases = (await t.db.query<{ content: string; release: string }>('SELECT content, release FROM content_releases ORDER BY content')).rows;
      expect(releases.find((r) => r.content === 'note_templates')?.release).toBe(BUILTIN_TEMPLATES_RELEASE);
    });

    it('is idempotent: a second run (and two at once) changes nothing and writes no audit row', async () => {
      const before = { templates: await count('note_templates'), versions: await count('note_template_versions'), codes: await count('icd10_codes'), audit: await auditCount() };
      const [a, b] = await Promise.all([syncBuiltinContent(t.db), syncBuiltinContent(t.db)]);
      expect(a).toEqual({ icd10: null, templates: null });
      expect(b).toEqual({ icd10: null, templates: null });
      expect({ templates: await count('note_templates'), versions: await count('note_template_versions'), codes: await count('icd10_codes'), audit: await auditCount() }).toEqual(before);
    });

    it('re-creates a missing built-in and adds a version when the shipped one is newer, once per release', async () => {
      const crisis = BUILTIN_TEMPLATES.find((b) => b.kind === 'crisis')!;
      const other = BUILTIN_TEMPLATES.find((b) => b.key !== crisis.key)!;
      // A practice whose database predates the shipped crisis note and holds an older version of another.
      const otherId = await builtinId(other.key);
      await t.db.query('DELETE FROM note_template_versions WHERE template_id = (SELECT id FROM note_templates WHERE builtin_key = $1)', [crisis.key]);
      await t.db.query('DELETE FROM note_templates WHERE builtin_key = $1', [crisis.key]);
      await t.db.query('DELETE FROM note_template_versions WHERE template_id = $1', [otherId]);
      await t.db.query(`UPDATE content_releases SET release = 'hearth-templates-old' WHERE content = 'note_templates'`);
      const r = await syncBuiltinContent(t.db);
      expect(r.templates).toEqual({ release: BUILTIN_TEMPLATES_RELEASE, templatesAdded: 1, versionsAdded: 2 });
      expect(await builtinId(other.key)).toBe(otherId);
      expect((await templateState(otherId)).map((v) => [v.version, v.status])).toEqual([[other.version, 'published']]);
      expect(await count(`note_templates WHERE builtin_key = $1`, [crisis.key])).toBe(1);
      expect((await syncBuiltinContent(t.db)).templates).toBeNull();
      const audit = (await t.db.query<{ actor_kind: string; detail: { templates: unknown } }>(`SELECT actor_kind, detail FROM audit_events WHERE action = 'content.sync' ORDER BY arrival DESC LIMIT 1`)).rows[0];
      expect(audit?.actor_kind).toBe('system');
    });
  });

  describe('reading templates', () => {
    it('lists the built-ins for writers, in the shipped order, with their published versions', async () => {
      const r = await therapist.get('/api/note-templates');
      expect(r.statusCode, r.body).toBe(200);
      const list = r.json() as TTemplateSummary[];
      expect(list.map((x) => x.name)).toEqual(BUILTIN_TEMPLATES.map((b) => b.name).filter((n) => list.some((x) => x.name === n)));
      expect(list).toHaveLength(BUILTIN_TEMPLATES.length);
      for (const s of list) expect(s).toMatchObject({ builtin: true, active: true, draftVersion: null, duplicatedFrom: null, publishedVersion: expect.any(Number) });
      const kind = (await therapist.get('/api/note-templates?kind=group')).json() as TTemplateSummary[];
      expect(kind.map((x) => x.kind)).toEqual(['group']);
    });

    it('serves a published version to writers; drafts and unknown versions are 404', async () => {
      const b = BUILTIN_TEMPLATES[0]!;
      const id = await builtinId(b.key);
      const r = await therapist.get(`/api/note-templates/${id}/versions/${b.version}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ templateId: id, name: b.name, kind: b.kind, billable: b.billable, version: b.version, status: 'published', publishedAt: expect.any(String) });
      expect(r.json().definition).toEqual(ZBuiltinTemplate.parse(b).definition);
      expect((await therapist.get(`/api/note-templates/${id}/versions/${b.version + 1}`)).statusCode).toBe(404);
      expect((await therapist.get(`/api/note-templates/00000000-0000-4000-8000-000000000000/versions/1`)).statusCode).toBe(404);
      const bad = await therapist.get(`/api/note-templates/${id}/versions/zero`);
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toContain('version');
    });

    it('keeps templates from people without clinical access, and administration from writers', async () => {
      expect((await frontDesk.get('/api/note-templates')).statusCode).toBe(403);
      expect((await admin.get('/api/note-templates')).statusCode).toBe(403);
      expect((await therapist.get('/api/admin/note-templates')).statusCode).toBe(403);
      expect((await therapist.post(`/api/admin/note-templates/${await builtinId(BUILTIN_TEMPLATES[0]!.key)}/duplicate`, { name: 'Mine' })).statusCode).toBe(403);
      const q = await therapist.get('/api/note-templates?colour=blue');
      expect(q.statusCode).toBe(400);
      expect(fields(q)).toContain('colour');
    });
  });

  describe('administration', () => {
    const dap = () => BUILTIN_TEMPLATES.find((b) => b.kind === 'progress' && b.billable)!;
    let copy: TTemplateSummary;

    it('duplicates a built-in into a practice template whose version 1 is a draft of it', async () => {
      const src = await builtinId(dap().key);
      const audit = await auditCount();
      const r = await admin.post(`/api/admin/note-templates/${src}/duplicate`, { name: 'Riverbend progress note' });
      expect(r.statusCode, r.body).toBe(201);
      copy = r.json();
      expect(copy).toMatchObject({ name: 'Riverbend progress note', kind: 'progress', billable: true, builtin: false, active: true, publishedVersion: null, draftVersion: 1, duplicatedFrom: src });
      const v = await admin.get(`/api/admin/note-templates/${copy.id}/versions/1`);
      expect(v.statusCode, v.body).toBe(200);
      expect(v.json()).toMatchObject({ status: 'draft', publishedAt: null, version: 1 });
      expect(v.json().definition).toEqual(ZBuiltinTemplate.parse(dap()).definition);
      // Writers do not see an unpublished template or its draft.
      expect(((await therapist.get('/api/note-templates')).json() as TTemplateSummary[]).map((x) => x.id)).not.toContain(copy.id);
      expect((await therapist.get(`/api/note-templates/${copy.id}/versions/1`)).statusCode).toBe(404);
      expect(await auditCount()).toBe(audit + 1);
      const row = (await t.db.query<{ actor_id: string; resource_type: string; detail: Record<string, unknown> }>(`SELECT actor_id, resource_type, detail FROM audit_events WHERE action = 'template.duplicate' AND resource_id = $1`, [copy.id])).rows;
      expect(row).toEqual([{ actor_id: adminId, resource_type: 'NoteTemplate', detail: { sourceId: src, sourceVersion: dap().version } }]);
      const list = (await admin.get('/api/admin/note-templates')).json() as TTemplateSummary[];
      expect(list.find((x) => x.id === copy.id)).toEqual(copy);
    });

    it('refuses to edit a built-in, and changes nothing', async () => {
      const id = await builtinId(dap().key);
      const before = await templateState(id);
      const audit = await auditCount();
      const r = await admin.request('PUT', `/api/admin/note-templates/${id}/draft`, { definition: simple() });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().detail).toBe('Duplicate the built-in template to change it.');
      expect(await templateState(id)).toEqual(before);
      expect(await auditCount()).toBe(audit);
    });

    it('names every rule a draft breaks and keeps the saved draft as it was', async () => {
      const before = await templateState(copy.id);
      const audit = await auditCount();
      const def = simple();
      def.sections.push({ ...def.sections[0]! });
      const r = await admin.request('PUT', `/api/admin/note-templates/${copy.id}/draft`, { definition: def });
      expect(r.statusCode, r.body).toBe(400);
      // Billable: the copy must keep tagging interventions, response and plan.
      expect(r.json().errors).toEqual(expect.arrayContaining([
        { field: 'definition.sections.1.key', message: 'is used by another section' },
        { field: 'definition.sections', message: 'A billable template needs a field tagged as interventions' },
        { field: 'definition.sections', message: 'A billable template needs a field tagged as plan' },
      ]));
      expect(await templateState(copy.id)).toEqual(before);
      expect(await auditCount()).toBe(audit);
    });

    it('rejects unknown template fields and wrong types by name, changing nothing', async () => {
      const before = await templateState(copy.id);
      const withColour = simple() as unknown as { sections: { fields: Record<string, unknown>[] }[] };
      withColour.sections[0]!.fields[0]!.colour = 'red';
      const cases: [unknown, string][] = [
        [{ definition: withColour }, 'definition.sections.0.fields.0.colour'],
        [{ definition: simple(), extra: 1 }, 'extra'],
        [{ definition: { sections: [] } }, 'definition.sections'],
        [{ definition: { sections: [{ ...simple().sections[0], fields: [{ key: 'Bad Key', label: 'x', type: 'long_text' }] }] } }, 'definition.sections.0.fields.0.key'],
        [{ definition: { sections: [{ ...simple().sections[0], fields: [{ key: 'x', label: 'x', type: 'essay' }] }] } }, 'definition.sections.0.fields.0.type'],
        [{ definition: simple(), name: '' }, 'name'],
      ];
      for (const [body, field] of cases) {
        const r = await admin.request('PUT', `/api/admin/note-templates/${copy.id}/draft`, body);
        expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
        expect(fields(r), r.body).toContain(field);
      }
      expect(await templateState(copy.id)).toEqual(before);
    });

    it('saves the draft in place and renames the template, then publishes it as version 1', async () => {
      const def = ZBuiltinTemplate.parse(dap()).definition;
      def.sections[0] = { ...def.sections[0]!, title: 'What we worked on' };
      t.clock.advance(60_000);
      const r = await admin.request('PUT', `/api/admin/note-templates/${copy.id}/draft`, { name: 'Riverbend DAP', definition: def });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ templateId: copy.id, name: 'Riverbend DAP', version: 1, status: 'draft', publishedAt: null });
      expect(r.json().definition.sections[0].title).toBe('What we worked on');
      expect(await count('note_template_versions WHERE template_id = $1', [copy.id])).toBe(1);

      t.clock.advance(60_000);
      const p = await admin.post(`/api/admin/note-templates/${copy.id}/publish`);
      expect(p.statusCode, p.body).toBe(200);
      expect(p.json()).toMatchObject({ version: 1, status: 'published', publishedAt: new Date(NOW.getTime() + 120_000).toISOString() });
      const row = (await t.db.query<{ published_by: string }>('SELECT published_by FROM note_template_versions WHERE template_id = $1 AND version = 1', [copy.id])).rows[0];
      expect(row?.published_by).toBe(adminId);
      const writers = (await therapist.get('/api/note-templates')).json() as TTemplateSummary[];
      expect(writers.find((x) => x.id === copy.id)).toMatchObject({ name: 'Riverbend DAP', publishedVersion: 1, draftVersion: null, builtin: false });
      expect((await therapist.get(`/api/note-templates/${copy.id}/versions/1`)).json().definition).toEqual(def);
      const actions = (await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_id = $1 AND resource_type = 'NoteTemplate' ORDER BY arrival`, [copy.id])).rows.map((x) => x.action);
      expect(actions).toEqual(['template.duplicate', 'template.draft.save', 'template.publish']);
    });

    it('refuses to publish when there is no draft, changing nothing', async () => {
      const before = await templateState(copy.id);
      const audit = await auditCount();
      for (const id of [copy.id, await builtinId(dap().key)]) {
        const r = await admin.post(`/api/admin/note-templates/${id}/publish`);
        expect(r.statusCode, r.body).toBe(409);
        expect(r.json().detail).toMatch(/no draft to publish/);
      }
      expect(await templateState(copy.id)).toEqual(before);
      expect(await auditCount()).toBe(audit);
    });

    it('a new draft becomes version 2 while version 1, which notes were written on, stays as published', async () => {
      const v1 = (await therapist.get(`/api/note-templates/${copy.id}/versions/1`)).json();
      const def = structuredClone(v1.definition) as TTemplateDefinition;
      def.sections[0]!.help = 'Describe the session in the client’s words where you can.';
      const r = await admin.request('PUT', `/api/admin/note-templates/${copy.id}/draft`, { definition: def });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ version: 2, status: 'draft', name: 'Riverbend DAP' });
      const summary = ((await admin.get('/api/admin/note-templates')).json() as TTemplateSummary[]).find((x) => x.id === copy.id);
      expect(summary).toMatchObject({ publishedVersion: 1, draftVersion: 2 });
      // Writers still start notes on version 1 until version 2 is published.
      expect(((await therapist.get('/api/note-templates')).json() as TTemplateSummary[]).find((x) => x.id === copy.id)?.publishedVersion).toBe(1);
      expect((await admin.post(`/api/admin/note-templates/${copy.id}/publish`)).json()).toMatchObject({ version: 2, status: 'published' });
      expect((await therapist.get(`/api/note-templates/${copy.id}/versions/1`)).json()).toEqual(v1);
      expect((await therapist.get(`/api/note-templates/${copy.id}/versions/2`)).json().definition.sections[0].help).toBe('Describe the session in the client’s words where you can.');
    });

    it('checks group templates for shared and member sections', async () => {
      const group = BUILTIN_TEMPLATES.find((b) => b.kind === 'group')!;
      const d = await admin.post(`/api/admin/note-templates/${await builtinId(group.key)}/duplicate`, { name: 'Our group note' });
      expect(d.statusCode, d.body).toBe(201);
      const def = ZBuiltinTemplate.parse(group).definition;
      const withoutMember = { sections: def.sections.filter((s) => s.scope !== 'member') };
      const r = await admin.request('PUT', `/api/admin/note-templates/${d.json().id}/draft`, { definition: withoutMember });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors).toContainEqual({ field: 'definition.sections', message: 'A group template needs at least one shared section and one member section' });
      expect((await admin.request('PUT', `/api/admin/note-templates/${d.json().id}/draft`, { definition: def })).statusCode).toBe(200);
    });

    it('retires and restores a template for new notes', async () => {
      const r = await admin.patch(`/api/admin/note-templates/${copy.id}`, { active: false });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ id: copy.id, active: false });
      expect(((await therapist.get('/api/note-templates')).json() as TTemplateSummary[]).map((x) => x.id)).not.toContain(copy.id);
      expect(((await therapist.get('/api/note-templates?includeInactive=true')).json() as TTemplateSummary[]).map((x) => x.id)).toContain(copy.id);
      expect(((await admin.get('/api/admin/note-templates')).json() as TTemplateSummary[]).find((x) => x.id === copy.id)?.active).toBe(false);
      expect(((await admin.get('/api/admin/note-templates?includeInactive=false')).json() as TTemplateSummary[]).map((x) => x.id)).not.toContain(copy.id);
      // Its versions stay readable: old notes render as written.
      expect((await therapist.get(`/api/note-templates/${copy.id}/versions/1`)).statusCode).toBe(200);
      expect((await admin.patch(`/api/admin/note-templates/${copy.id}`, { active: true })).json().active).toBe(true);
      const bad = await admin.patch(`/api/admin/note-templates/${copy.id}`, { active: 'no' });
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toContain('active');
      expect((await admin.patch(`/api/admin/note-templates/${copy.id}`, { active: false, name: 'x' })).statusCode).toBe(400);
    });

    it('answers 404 for an unknown template on every change, writing nothing', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const before = { templates: await count('note_templates'), versions: await count('note_template_versions'), audit: await auditCount() };
      expect((await admin.post(`/api/admin/note-templates/${unknown}/duplicate`, { name: 'x' })).statusCode).toBe(404);
      expect((await admin.request('PUT', `/api/admin/note-templates/${unknown}/draft`, { definition: simple() })).statusCode).toBe(404);
      expect((await admin.post(`/api/admin/note-templates/${unknown}/publish`)).statusCode).toBe(404);
      expect((await admin.patch(`/api/admin/note-templates/${unknown}`, { active: false })).statusCode).toBe(404);
      expect((await admin.get(`/api/admin/note-templates/${unknown}/versions/1`)).statusCode).toBe(404);
      expect({ templates: await count('note_templates'), versions: await count('note_template_versions'), audit: await auditCount() }).toEqual(before);
    });

    it('duplicates a practice template from its newest published version', async () => {
      const r = await admin.post(`/api/admin/note-templates/${copy.id}/duplicate`, { name: 'Riverbend DAP (couples)' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ duplicatedFrom: copy.id, draftVersion: 1, publishedVersion: null });
      const v = (await admin.get(`/api/admin/note-templates/${r.json().id}/versions/1`)).json();
      expect(v.definition).toEqual((await admin.get(`/api/admin/note-templates/${copy.id}/versions/2`)).json().definition);
    });
  });

  describe('interventions', () => {
    it('lists the built-in interventions for writers and administrators', async () => {
      const r = await therapist.get('/api/interventions');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().slice(0, INTERVENTIONS.length)).toEqual(INTERVENTIONS.map((i) => ({ code: i.code, label: i.label, modality: i.modality ?? null, builtin: true })));
      expect((await admin.get('/api/admin/interventions')).json()).toEqual(r.json());
      expect((await frontDesk.get('/api/interventions')).statusCode).toBe(403);
      expect((await admin.get('/api/interventions')).statusCode).toBe(403);
    });

    it("adds the practice's own intervention, audited, and refuses a code already in use", async () => {
      const r = await admin.post('/api/admin/interventions', { code: 'sand_tray', label: 'Sand tray work' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toEqual({ code: 'sand_tray', label: 'Sand tray work', modality: null, builtin: false });
      expect((await therapist.get('/api/interventions')).json()).toContainEqual(r.json());
      expect(await count(`audit_events WHERE action = 'intervention.add' AND resource_type = 'Intervention'`)).toBe(1);
      const before = await count('practice_interventions');
      for (const code of ['sand_tray', INTERVENTIONS[0]!.code]) {
        const dup = await admin.post('/api/admin/interventions', { code, label: 'Again' });
        expect(dup.statusCode, dup.body).toBe(409);
        expect(fields(dup)).toEqual(['code']);
      }
      for (const body of [{ code: 'Sand Tray', label: 'x' }, { code: 'x', label: 'x' }, { code: 'ok_code', label: '' }, { code: 'ok_code', label: 'x', modality: 'cbt' }]) {
        const bad = await admin.post('/api/admin/interventions', body);
        expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      }
      expect((await therapist.post('/api/admin/interventions', { code: 'mine', label: 'Mine' })).statusCode).toBe(403);
      expect(await count('practice_interventions')).toBe(before);
    });
  });
});
