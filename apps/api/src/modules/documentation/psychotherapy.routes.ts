import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreatePsychotherapyNoteRequest, ZIdParams, ZPage, ZPsychotherapyNote, ZPsychotherapyNoteQuery, ZUpdatePsychotherapyNoteRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { createPsychotherapyNote } from './create-psychotherapy-note.js';
import { getPsychotherapyNote } from './get-psychotherapy-note.js';
import { listPsychotherapyNotes } from './list-psychotherapy-notes.js';
import { updatePsychotherapyNote } from './update-psychotherapy-note.js';

// Psychotherapy (process) notes: a clinician's private notes, kept apart from the record. Every route
// needs clinical.write (only clinicians keep them) and then answers only about the reader's own notes.
export function psychotherapyRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['psychotherapy notes'];
    const permission = 'clinical.write';

    app.get('/api/psychotherapy-notes', {
      config: { permission },
      schema: {
        tags, querystring: ZPsychotherapyNoteQuery, response: { 200: ZPage(ZPsychotherapyNote) },
        summary: "The reader's own psychotherapy notes about a patient, newest session first (audited; others' notes are never listed)",
      },
    }, async (req) => listPsychotherapyNotes(deps, req.actor!, req.query, req.ip));

    app.get('/api/psychotherapy-notes/:id', {
      config: { permission },
      schema: { tags, summary: 'One of the reader\'s own psychotherapy notes (audited; anyone else\'s answers 404)', params: ZIdParams, response: { 200: ZPsychotherapyNote } },
    }, async (req) => getPsychotherapyNote(deps, req.actor!, req.params.id, req.ip));

    app.post('/api/psychotherapy-notes', {
      config: { permission },
      schema: {
        tags, body: ZCreatePsychotherapyNoteRequest, response: { 201: ZPsychotherapyNote },
        summary: 'Write a psychotherapy note about a patient on your caseload, optionally for one of their sessions; only you will be able to read it',
      },
    }, async (req, reply) => reply.status(201).send(await createPsychotherapyNote(deps, req.actor!, req.body, req.ip)));

    app.put('/api/psychotherapy-notes/:id', {
      config: { permission },
      schema: {
        tags, params: ZIdParams, body: ZUpdatePsychotherapyNoteRequest, response: { 200: ZPsychotherapyNote },
        summary: 'Rewrite one of your psychotherapy notes (optimistic concurrency on version)',
      },
    }, async (req) => updatePsychotherapyNote(deps, req.actor!, req.params.id, req.body, req.ip));
  };
}
