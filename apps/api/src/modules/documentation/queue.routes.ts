import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZIdParams, ZNoteQueueCounts, ZNoteQueueQuery, ZNoteSearchHit, ZNoteSearchRequest, ZNoteSummary, ZNotesSettings, ZPage, ZUpdateNotesSettingsRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { listNoteQueue, noteQueueCounts } from './note-queue.js';
import { searchNotes } from './search-notes.js';
import { getNotesSettings, updateNotesSettings } from './notes-settings.js';
import { exportNotePdf } from './export-note-pdf.js';

// Work queues, full-text search, the documentation settings and the PDF export of a note.
export function noteQueueRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['notes'];

    app.get('/api/notes/queue', {
      config: { permission: 'clinical.read' },
      schema: {
        tags, summary: "The reader's note work: unsigned drafts and returned notes, overdue notes (oldest first), the co-signature inbox and supervisees' overdue notes (supervisors) (audited)",
        querystring: ZNoteQueueQuery, response: { 200: ZPage(ZNoteSummary) },
      },
    }, async (req) => listNoteQueue(deps, req.actor!, req.query, req.ip));

    app.get('/api/notes/queue/counts', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'How many notes wait in each queue, for the home page badges (audited)', response: { 200: ZNoteQueueCounts } },
    }, async (req) => noteQueueCounts(deps, req.actor!, req.ip));

    // POST, not GET: the search terms may hold PHI and never travel in a URL (logs, history, proxies).
    app.post('/api/notes/search', {
      config: { permission: 'clinical.read' },
      schema: {
        tags, summary: "Full-text search over notes the reader may read (by default their own; one author's notes on the reader's caseload), ranked, with snippets marked « » (audited, without the terms)",
        body: ZNoteSearchRequest, response: { 200: ZPage(ZNoteSearchHit) },
      },
    }, async (req) => searchNotes(deps, req.actor!, req.body, req.ip));

    app.get('/api/notes/settings', {
      config: { permission: 'staff.read' },
      schema: { tags, summary: 'Documentation settings: hours after a session before an unsigned note is overdue', response: { 200: ZNotesSettings } },
    }, async () => getNotesSettings(deps));

    app.put('/api/notes/settings', {
      config: { permission: 'practice.manage' },
      schema: { tags, summary: 'Change the documentation settings (audited)', body: ZUpdateNotesSettingsRequest, response: { 200: ZNotesSettings } },
    }, async (req) => updateNotesSettings(deps, req.actor!, req.body, req.ip));

    app.get('/api/notes/:id/pdf', {
      config: { permission: 'clinical.read' },
      schema: {
        tags, summary: 'The note as a PDF for release of information: practice header, patient, encounter, content, signatures and addenda; drafts watermarked (audited)',
        params: ZIdParams,
      },
    }, async (req, reply) => {
      const pdf = await exportNotePdf(deps, req.actor!, req.params.id, req.ip);
      // The file name is the note id only: a name or date of birth in it would leak into download folders.
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="note-${req.params.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    });
  };
}
