import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCreateGroupNoteRequest, ZGroupNote, ZIdParams, ZSaveGroupNoteRequest, ZSignGroupNoteRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { createGroupNote } from './create-group-note.js';
import { getGroupNote, groupNoteForAppointment } from './get-group-note.js';
import { saveGroupNote } from './save-group-note.js';
import { signGroupNote } from './sign-group-note.js';

// Group session notes: the shared sections written once, one note per member present.
export function groupNoteRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['notes'];

    app.post('/api/group-notes', {
      config: { permission: 'clinical.write' },
      schema: {
        tags, summary: "Start a group session's note (a facilitator, on a group template): the shared sections and one note per member marked present",
        body: ZCreateGroupNoteRequest, response: { 201: ZGroupNote },
      },
    }, async (req, reply) => reply.status(201).send(await createGroupNote(deps, req.actor!, req.body, req.ip)));

    app.get('/api/group-notes/:id', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'A group note with its member notes (audited per member)', params: ZIdParams, response: { 200: ZGroupNote } },
    }, async (req) => getGroupNote(deps, req.actor!, req.params.id, req.ip));

    app.get('/api/appointments/:id/group-note', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: "A group session's group note, or 404 (audited per member)", params: ZIdParams, response: { 200: ZGroupNote } },
    }, async (req) => groupNoteForAppointment(deps, req.actor!, req.params.id, req.ip));

    app.put('/api/group-notes/:id', {
      config: { permission: 'clinical.write' },
      schema: {
        tags, summary: "Autosave a group note: the shared sections once, each member's encounter and member sections (optimistic concurrency on every version)",
        params: ZIdParams, body: ZSaveGroupNoteRequest, response: { 200: ZGroupNote },
      },
    }, async (req) => saveGroupNote(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/group-notes/:id/sign', {
      config: { permission: 'clinical.write' },
      schema: {
        tags, summary: "Sign every member's note at once, all or none; gaps are named per member (associates' notes then await co-signature)",
        params: ZIdParams, body: ZSignGroupNoteRequest, response: { 200: ZGroupNote },
      },
    }, async (req) => signGroupNote(deps, req.actor!, req.params.id, req.body, req.ip));
  };
}
