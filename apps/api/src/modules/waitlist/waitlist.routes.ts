import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreateWaitlistEntryRequest, ZIdParams, ZPage, ZUpdateWaitlistEntryRequest, ZWaitlistEntry, ZWaitlistQuery, ZWaitlistSuggestions, ZWaitlistSuggestionsQuery,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { createWaitlistEntry } from './create-waitlist-entry.js';
import { getWaitlistEntry } from './get-waitlist-entry.js';
import { listWaitlist } from './list-waitlist.js';
import { suggestForSlot } from './suggest-for-slot.js';
import { updateWaitlistEntry } from './update-waitlist-entry.js';

export function waitlistRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['waitlist'];

    app.get('/api/waitlist', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Waitlist entries, open first, most urgent and longest waiting first (audited)', querystring: ZWaitlistQuery, response: { 200: ZPage(ZWaitlistEntry) } },
    }, async (req) => listWaitlist(deps, req.actor!, req.query, req.ip));

    app.get('/api/waitlist/suggestions', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: "Open entries that fit an appointment's slot (for example one just cancelled), ranked, with the reasons each fits", querystring: ZWaitlistSuggestionsQuery, response: { 200: ZWaitlistSuggestions } },
    }, async (req) => suggestForSlot(deps, req.actor!, req.query.appointmentId, req.ip));

    app.get('/api/waitlist/:id', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'One waitlist entry (audited)', params: ZIdParams, response: { 200: ZWaitlistEntry } },
    }, async (req) => getWaitlistEntry(deps, req.actor!, req.params.id, req.ip));

    app.post('/api/waitlist', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Put a patient on the waitlist', body: ZCreateWaitlistEntryRequest, response: { 201: ZWaitlistEntry } },
    }, async (req, reply) => reply.status(201).send(await createWaitlistEntry(deps, req.actor!, req.body, req.ip)));

    app.patch('/api/waitlist/:id', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Edit a waitlist entry, or mark it scheduled or removed (optimistic concurrency on version)', params: ZIdParams, body: ZUpdateWaitlistEntryRequest, response: { 200: ZWaitlistEntry } },
    }, async (req) => updateWaitlistEntry(deps, req.actor!, req.params.id, req.body, req.ip));
  };
}
