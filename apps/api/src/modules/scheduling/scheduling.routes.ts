import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAppointment, ZAppointmentEvent, ZAppointmentType, ZBookingPreview, ZBookingRequest, ZBookingResult, ZCalendarQuery, ZCreateAppointmentTypeRequest,
  ZEndSeriesRequest, ZIdParams, ZMoveAppointmentRequest, ZRescheduleRequest, ZSchedulingSettings, ZSeries, ZSkipRequest, ZStatusChangeRequest,
  ZUpdateAppointmentTypeRequest, ZUpdateSchedulingSettingsRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { canChangeAppointment } from './change-access.js';
import { createAppointmentType, listAppointmentTypes, updateAppointmentType } from './appointment-types.js';
import { getSchedulingSettings, updateSchedulingSettings } from './scheduling-settings.js';
import { previewBooking } from './preview-booking.js';
import { bookAppointments } from './book-appointments.js';
import { listAppointments } from './list-appointments.js';
import { appointmentHistory, getAppointment } from './get-appointment.js';
import { moveAppointment } from './move-appointment.js';
import { changeStatus } from './change-status.js';
import { skipOccurrence } from './skip-occurrence.js';
import { rescheduleAppointment } from './reschedule-appointment.js';
import { endSeries } from './end-series.js';
import { loadSeries, toSeries } from './series.repo.js';

export function schedulingRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['scheduling'];

    app.get('/api/appointment-types', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Appointment types, in display order', response: { 200: z.array(ZAppointmentType) } },
    }, async () => listAppointmentTypes(deps));
    app.post('/api/appointment-types', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Add an appointment type', body: ZCreateAppointmentTypeRequest, response: { 201: ZAppointmentType } },
    }, async (req, reply) => reply.status(201).send(await createAppointmentType(deps, req.actor!, req.body, req.ip)));
    app.patch('/api/appointment-types/:id', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Change an appointment type (name, duration, colour, active...)', params: ZIdParams, body: ZUpdateAppointmentTypeRequest, response: { 200: ZAppointmentType } },
    }, async (req) => updateAppointmentType(deps, req.actor!, req.params.id, req.body, req.ip));

    app.get('/api/scheduling/settings', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Scheduling policy: late-cancel window, series limits, attendance fees', response: { 200: ZSchedulingSettings } },
    }, async () => getSchedulingSettings(deps));
    app.patch('/api/scheduling/settings', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Change the scheduling policy and per-payer fee overrides', body: ZUpdateSchedulingSettingsRequest, response: { 200: ZSchedulingSettings } },
    }, async (req) => updateSchedulingSettings(deps, req.actor!, req.body, req.ip));

    app.post('/api/appointments/preview', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Expand a booking and list each occurrence with its conflicts, without booking', body: ZBookingRequest, response: { 200: ZBookingPreview } },
    }, async (req) => previewBooking(deps, req.actor!, req.body));
    app.post('/api/appointments', {
      config: { permission: 'scheduling.write' },
      schema: {
        tags, summary: 'Book one appointment or a recurring series (all occurrences or none; 409 lists each conflicting date)',
        body: ZBookingRequest, response: { 201: ZBookingResult },
      },
    }, async (req, reply) => reply.status(201).send(await bookAppointments(deps, req.actor!, req.body, req.ip)));
    app.get('/api/appointments', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Calendar: appointments between two local dates for clinicians, a location, a room, a group or a patient', querystring: ZCalendarQuery, response: { 200: z.array(ZAppointment) } },
    }, async (req) => listAppointments(deps, req.actor!, req.query, req.ip));
    app.get('/api/appointments/:id', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'One appointment', params: ZIdParams, response: { 200: ZAppointment } },
    }, async (req) => getAppointment(deps, req.actor!, req.params.id, req.ip));
    app.get('/api/appointments/:id/history', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Every status change and move, with who, when and why', params: ZIdParams, response: { 200: z.array(ZAppointmentEvent) } },
    }, async (req) => appointmentHistory(deps, req.actor!, req.params.id));
    app.patch('/api/appointments/:id', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Move or edit this occurrence, this and following, or the whole series', params: ZIdParams, body: ZMoveAppointmentRequest, response: { 200: ZAppointment } },
    }, async (req) => moveAppointment(deps, req.actor!, req.params.id, req.body, req.ip));
    app.post('/api/appointments/:id/status', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Record attendance (confirmed, checked in, no-show, late cancel, cancelled...) with a reason', params: ZIdParams, body: ZStatusChangeRequest, response: { 200: ZAppointment } },
    }, async (req) => changeStatus(deps, req.actor!, req.params.id, req.body, req.ip));
    app.post('/api/appointments/:id/reschedule', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Patient-requested change: keep the original as rescheduled and book the new time', params: ZIdParams, body: ZRescheduleRequest, response: { 200: ZAppointment } },
    }, async (req) => rescheduleAppointment(deps, req.actor!, req.params.id, req.body, req.ip));
    app.post('/api/appointments/:id/skip', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Leave one occurrence out of its series', params: ZIdParams, body: ZSkipRequest, response: { 200: ZAppointment } },
    }, async (req) => skipOccurrence(deps, req.actor!, req.params.id, req.body, req.ip));

    app.get('/api/series/:id', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'A recurring series: its rule in RFC 5545 and in plain words', params: ZIdParams, response: { 200: ZSeries } },
    }, async (req) => {
      const s = await loadSeries(deps.db, req.params.id);
      if (!s || !(await canChangeAppointment(deps.db, req.actor!, s))) throw notFound('Series');
      return toSeries(s);
    });
    app.post('/api/series/:id/end', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'End a series after a date; later occurrences are removed', params: ZIdParams, body: ZEndSeriesRequest, response: { 200: ZSeries } },
    }, async (req) => endSeries(deps, req.actor!, req.params.id, req.body, req.ip));
  };
}
