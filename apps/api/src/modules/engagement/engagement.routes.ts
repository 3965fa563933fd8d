import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAtRiskPatient, ZAtRiskQuery, ZAttendanceReport, ZAttendanceReportQuery, ZIdParams, ZOutreachAttempt, ZPage, ZPatientAttendance,
  ZRecordOutreachRequest, ZSendOutreachRequest, ZSendOutreachResult,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { attendanceReport } from './attendance-report.js';
import { getPatientAttendance } from './get-attendance.js';
import { listAtRisk } from './list-at-risk.js';
import { listOutreach } from './list-outreach.js';
import { recordOutreach } from './record-outreach.js';
import { sendOutreach } from './send-outreach.js';

export function engagementRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['engagement'];

    app.get('/api/patients/:id/attendance', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: "A patient's attendance and engagement (dropout-risk) score with its reasons (audited)", params: ZIdParams, response: { 200: ZPatientAttendance } },
    }, async (req) => getPatientAttendance(deps, req.actor!, req.params.id, req.ip));

    app.get('/api/engagement/at-risk', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Active patients at moderate or high dropout risk, most at risk first, within your caseload (audited)', querystring: ZAtRiskQuery, response: { 200: ZPage(ZAtRiskPatient) } },
    }, async (req) => listAtRisk(deps, req.actor!, req.query, req.ip));

    app.get('/api/patients/:id/outreach', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Contact attempts with a patient, newest first (audited)', params: ZIdParams, response: { 200: z.array(ZOutreachAttempt) } },
    }, async (req) => listOutreach(deps, req.actor!, req.params.id, req.ip));

    app.post('/api/patients/:id/outreach', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Record a contact attempt and its outcome', params: ZIdParams, body: ZRecordOutreachRequest, response: { 201: ZOutreachAttempt } },
    }, async (req, reply) => reply.status(201).send(await recordOutreach(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.post('/api/patients/:id/outreach/send', {
      config: { permission: 'scheduling.write' },
      schema: {
        tags,
        summary: 'Send an outreach message from a template by e-mail (through the outbox) and record it; 409 when the patient has no e-mail or opted out',
        params: ZIdParams, body: ZSendOutreachRequest, response: { 201: ZSendOutreachResult },
      },
    }, async (req, reply) => reply.status(201).send(await sendOutreach(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.get('/api/reports/attendance', {
      config: { permission: 'scheduling.read' },
      schema: { tags: ['reports'], summary: 'No-show and late-cancel rates by clinician, weekday, hour, appointment type, payer or month, and over time (no patient data)', querystring: ZAttendanceReportQuery, response: { 200: ZAttendanceReport } },
    }, async (req) => attendanceReport(deps, req.actor!, req.query, req.ip));
  };
}
