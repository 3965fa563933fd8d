import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZClinicianException, ZClinicianHours, ZClinicianParams, ZClinicianSummary, ZCreateExceptionRequest, ZExceptionQuery, ZIdParams, ZOk, ZOpenSlot,
  ZOpenSlotsRequest, ZReplaceHoursRequest,
} from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import { getHours } from './get-hours.js';
import { replaceHours } from './replace-hours.js';
import { listExceptions } from './list-exceptions.js';
import { addException } from './add-exception.js';
import { removeException } from './remove-exception.js';
import { findOpenSlots } from './find-open-slots.js';
import { listClinicians } from './list-clinicians.js';

// Working hours, time off and extra hours, and "find the next open slots". Schedules are staff
// data: anyone who books (scheduling.write) keeps any clinician's hours, as front desks do.
export function availabilityRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['availability'];

    app.get('/api/clinicians', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Active clinicians, with whether they keep weekly working hours', response: { 200: z.array(ZClinicianSummary) } },
    }, async () => listClinicians(deps));

    app.get('/api/clinicians/:id/hours', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: "A clinician's weekly working hours per location (local times)", params: ZClinicianParams, response: { 200: ZClinicianHours } },
    }, async (req) => getHours(deps, req.params.id));

    app.put('/api/clinicians/:id/hours', {
      config: { permission: 'scheduling.write' },
      schema: {
        tags, summary: "Replace a clinician's weekly working hours (end after start, no overlaps on a weekday; audited)",
        params: ZClinicianParams, body: ZReplaceHoursRequest, response: { 200: ZClinicianHours },
      },
    }, async (req) => replaceHours(deps, req.actor!, req.params.id, req.body, req.ip));

    app.get('/api/clinicians/:id/exceptions', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: "A clinician's time off and extra hours between two dates", params: ZClinicianParams, querystring: ZExceptionQuery, response: { 200: z.array(ZClinicianException) } },
    }, async (req) => listExceptions(deps, req.params.id, req.query));

    app.post('/api/clinicians/:id/exceptions', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Add time off (blocks booking) or extra hours at a location (audited)', params: ZClinicianParams, body: ZCreateExceptionRequest, response: { 201: ZClinicianException } },
    }, async (req, reply) => reply.status(201).send(await addException(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.delete('/api/clinician-exceptions/:id', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Remove a time-off or extra-hours entry (audited)', params: ZIdParams, response: { 200: ZOk } },
    }, async (req) => {
      await removeException(deps, req.actor!, req.params.id, req.ip);
      return { ok: true as const };
    });

    app.post('/api/scheduling/open-slots', {
      config: { permission: 'scheduling.read' },
      schema: {
        tags, summary: 'The next open slots for a clinician or an appointment type, inside working hours and clear of appointments and time off',
        body: ZOpenSlotsRequest, response: { 200: z.array(ZOpenSlot) },
      },
    }, async (req) => findOpenSlots(deps, req.body));
  };
}
