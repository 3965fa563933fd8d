import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateInterventionRequest, ZDuplicateTemplateRequest, ZIdParams, ZIntervention, ZSaveTemplateDraftRequest, ZTemplateListQuery,
  ZTemplateSummary, ZTemplateVersion, ZTemplateVersionParams, ZUpdateTemplateRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { listTemplatesForAdmin, listTemplatesForWriters } from './list-templates.js';
import { getTemplateVersion } from './get-template-version.js';
import { duplicateTemplate } from './duplicate-template.js';
import { saveTemplateDraft } from './save-template-draft.js';
import { publishTemplate } from './publish-template.js';
import { updateTemplate } from './update-template.js';
import { addIntervention, listInterventions } from './interventions.js';

// Note templates: writers read published versions (clinical.read); administrators duplicate, edit a
// draft, publish and retire (templates.manage), without reading any note. Plus the intervention list.
export function templatesRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['templates'];

    app.get('/api/note-templates', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'Templates a note can be started on (active, with a published version)', querystring: ZTemplateListQuery, response: { 200: z.array(ZTemplateSummary) } },
    }, async (req) => listTemplatesForWriters(deps, req.query));

    app.get('/api/note-templates/:id/versions/:version', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'A published template version (old versions stay readable so notes render as written)', params: ZTemplateVersionParams, response: { 200: ZTemplateVersion } },
    }, async (req) => getTemplateVersion(deps, req.params.id, req.params.version, { includeDraft: false }));

    app.get('/api/admin/note-templates', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: 'Every template, with drafts and inactive ones (includeInactive=false hides retired ones)', querystring: ZTemplateListQuery, response: { 200: z.array(ZTemplateSummary) } },
    }, async (req) => listTemplatesForAdmin(deps, req.query));

    app.get('/api/admin/note-templates/:id/versions/:version', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: 'A template version, draft or published', params: ZTemplateVersionParams, response: { 200: ZTemplateVersion } },
    }, async (req) => getTemplateVersion(deps, req.params.id, req.params.version, { includeDraft: true }));

    app.post('/api/admin/note-templates/:id/duplicate', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: "Copy a template into a new practice template whose version 1 is a draft of the source's newest published version", params: ZIdParams, body: ZDuplicateTemplateRequest, response: { 201: ZTemplateSummary } },
    }, async (req, reply) => reply.status(201).send(await duplicateTemplate(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.put('/api/admin/note-templates/:id/draft', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: 'Save the draft version of a practice template (built-ins are duplicated, not edited); the definition is checked and each problem named', params: ZIdParams, body: ZSaveTemplateDraftRequest, response: { 200: ZTemplateVersion } },
    }, async (req) => saveTemplateDraft(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/admin/note-templates/:id/publish', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: 'Publish the draft as the version new notes use; notes already written keep theirs', params: ZIdParams, response: { 200: ZTemplateVersion } },
    }, async (req) => publishTemplate(deps, req.actor!, req.params.id, req.ip));

    app.patch('/api/admin/note-templates/:id', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: 'Switch a template on or off for new notes', params: ZIdParams, body: ZUpdateTemplateRequest, response: { 200: ZTemplateSummary } },
    }, async (req) => updateTemplate(deps, req.actor!, req.params.id, req.body, req.ip));

    app.get('/api/interventions', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: "Interventions a note can record: the built-in list, then the practice's own", response: { 200: z.array(ZIntervention) } },
    }, async () => listInterventions(deps));

    app.get('/api/admin/interventions', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: 'The intervention list, for the administrator who extends it', response: { 200: z.array(ZIntervention) } },
    }, async () => listInterventions(deps));

    app.post('/api/admin/interventions', {
      config: { permission: 'templates.manage' },
      schema: { tags, summary: "Add one of the practice's own interventions", body: ZCreateInterventionRequest, response: { 201: ZIntervention } },
    }, async (req, reply) => reply.status(201).send(await addIntervention(deps, req.actor!, req.body, req.ip)));
  };
}
