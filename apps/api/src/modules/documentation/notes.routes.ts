import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAddendumRequest, ZCosignNoteRequest, ZCreateNoteRequest, ZIdParams, ZNote, ZNoteSummary, ZPage, ZPatientNotesQuery, ZReturnNoteRequest, ZSaveNoteRequest,
  ZSignNoteRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { addAddendum } from './add-addendum.js';
import { appointmentNote } from './appointment-note.js';
import { cosignNote } from './cosign-note.js';
import { createNote } from './create-note.js';
import { getNote } from './get-note.js';
import { listPatientNotes } from './list-patient-notes.js';
import { returnNote } from './return-note.js';
import { saveNote } from './save-note.js';
import { signNote } from './sign-note.js';

export function notesRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['notes'];

    app.post('/api/notes', {
      config: { permission: 'clinical.write' },
      schema: {
        tags, body: ZCreateNoteRequest, response: { 201: ZNote },
        summary: 'Start a note on a template; from an appointment it is linked and prefilled (409 with noteId when the appointment already has one)',
      },
    }, async (req, reply) => reply.status(201).send(await createNote(deps, req.actor!, req.body, req.ip)));

    app.get('/api/notes/:id', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'A note with its signatures, addenda, what still blocks signing, and its template version (audited)', params: ZIdParams, response: { 200: ZNote } },
    }, async (req) => getNote(deps, req.actor!, req.params.id, req.ip));

    app.put('/api/notes/:id', {
      config: { permission: 'clinical.write' },
      schema: {
        tags, params: ZIdParams, body: ZSaveNoteRequest, response: { 200: ZNote },
        summary: 'Autosave the author\'s draft or returned note (optimistic concurrency on version; signed notes are locked: 409)',
      },
    }, async (req) => saveNote(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/notes/:id/sign', {
      config: { permission: 'clinical.write' },
      schema: {
        tags, params: ZIdParams, body: ZSignNoteRequest, response: { 200: ZNote },
        summary: 'Sign and lock the note (400 naming every missing required element); an associate\'s note then awaits co-signature',
      },
    }, async (req) => signNote(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/notes/:id/cosign', {
      config: { permission: 'clinical.cosign' },
      schema: { tags, summary: 'Co-sign a supervisee\'s note: it becomes final and completes its appointment', params: ZIdParams, body: ZCosignNoteRequest, response: { 200: ZNote } },
    }, async (req) => cosignNote(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/notes/:id/return', {
      config: { permission: 'clinical.cosign' },
      schema: { tags, summary: 'Return a supervisee\'s note to its author with a comment, to be corrected and signed again', params: ZIdParams, body: ZReturnNoteRequest, response: { 200: ZNote } },
    }, async (req) => returnNote(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/notes/:id/addenda', {
      config: { permission: 'clinical.write' },
      schema: { tags, summary: 'Add a signed, dated addendum beneath a signed note (the note itself never changes)', params: ZIdParams, body: ZAddendumRequest, response: { 201: ZNote } },
    }, async (req, reply) => reply.status(201).send(await addAddendum(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.get('/api/patients/:id/notes', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: "A patient's notes, newest first, filtered by status or kind (audited)", params: ZIdParams, querystring: ZPatientNotesQuery, response: { 200: ZPage(ZNoteSummary) } },
    }, async (req) => listPatientNotes(deps, req.actor!, req.params.id, req.query, req.ip));

    app.get('/api/appointments/:id/note', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'The note started from an appointment, as a summary (404 when there is none)', params: ZIdParams, response: { 200: ZNoteSummary } },
    }, async (req) => appointmentNote(deps, req.actor!, req.params.id, req.ip));
  };
}
