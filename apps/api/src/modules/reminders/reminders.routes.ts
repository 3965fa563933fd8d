import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAppointmentLinkParams, ZAppointmentLinkView, ZCreateReminderRuleRequest, ZIdParams, ZOk, ZReminderRule, ZReminderRunResult,
  ZReminderSettings, ZSmsSandbox, ZUpdateReminderRuleRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { auditFor } from '../../platform/http/request-audit.js';
import { createReminderRule, deleteReminderRule, listReminderRules, updateReminderRule } from './reminder-rules.js';
import { dispatchDueReminders } from './dispatch-due.js';
import { sandboxMessages } from './reminders.repo.js';
import { openLink } from './open-link.js';
import { respondToLink } from './respond-to-link.js';
import { EVENING_SEND_HOUR, QUIET_FROM_HOUR, QUIET_UNTIL_HOUR } from './domain/plan.js';

const SANDBOX_LIMIT = 200;

export function reminderRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['reminders'];

    app.get('/api/reminder-rules', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'Reminder rules: channel and how long before the appointment', response: { 200: z.array(ZReminderRule) } },
    }, async () => listReminderRules(deps));

    app.post('/api/reminder-rules', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Add a reminder rule', body: ZCreateReminderRuleRequest, response: { 201: ZReminderRule } },
    }, async (req, reply) => reply.status(201).send(await createReminderRule(deps, req, req.body)));

    app.patch('/api/reminder-rules/:id', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Change a reminder rule (channel, timing, on or off)', params: ZIdParams, body: ZUpdateReminderRuleRequest, response: { 200: ZReminderRule } },
    }, async (req) => updateReminderRule(deps, req, req.params.id, req.body));

    app.delete('/api/reminder-rules/:id', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Delete a reminder rule (reminders it sent stay in the history)', params: ZIdParams, response: { 200: ZOk } },
    }, async (req) => {
      await deleteReminderRule(deps, req, req.params.id);
      return { ok: true as const };
    });

    app.get('/api/reminders/settings', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'How this server sends reminders: SMS provider, quiet hours, dispatch interval', response: { 200: ZReminderSettings } },
    }, async () => {
      const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
      return {
        smsProvider: deps.config.SMS_PROVIDER,
        quietFrom: hh(QUIET_FROM_HOUR),
        quietUntil: hh(QUIET_UNTIL_HOUR),
        eveningSendAt: hh(EVENING_SEND_HOUR),
        intervalSeconds: Math.round(deps.config.REMINDERS_INTERVAL_MS / 1000),
      };
    });

    app.post('/api/reminders/run-due', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: 'Run the reminder dispatcher now (it also runs every minute); due reminders are queued for delivery', response: { 200: ZReminderRunResult } },
    }, async (req) => {
      const r = await dispatchDueReminders(deps);
      await deps.db.tx((q) => auditFor(req, deps.clock.now())(q, { action: 'reminders.run', outcome: 'success', detail: { ...r } }));
      return r;
    });

    app.get('/api/reminders/sms-sandbox', {
      config: { permission: 'scheduling.manage' },
      schema: { tags, summary: `Text messages the sandbox SMS provider recorded instead of sending (latest ${SANDBOX_LIMIT})`, response: { 200: ZSmsSandbox } },
    }, async (req) => {
      const messages = await sandboxMessages(deps.db, SANDBOX_LIMIT);
      // The messages hold patients' numbers and first names: reading them is audited.
      await deps.db.tx((q) => auditFor(req, deps.clock.now())(q, { action: 'sms_sandbox.read', outcome: 'success', detail: { count: messages.length } }));
      return { provider: deps.config.SMS_PROVIDER, messages };
    });

    // ---- public: the reminder's confirm/cancel links (no sign-in; the token is the credential) ----
    const publicTags = ['reminders (public)'];
    app.get('/api/public/appointment-links/:token', {
      config: { public: true },
      schema: { tags: publicTags, summary: 'What a reminder link shows: practice, date, local time, place, state. 404 unknown or altered, 410 expired', params: ZAppointmentLinkParams, response: { 200: ZAppointmentLinkView } },
    }, async (req) => openLink(deps, req.params.token, req.ip));

    app.post('/api/public/appointment-links/:token/confirm', {
      config: { public: true },
      schema: { tags: publicTags, summary: 'Confirm the appointment with a reminder link (single use; 410 when used or expired)', params: ZAppointmentLinkParams, response: { 200: ZAppointmentLinkView } },
    }, async (req) => respondToLink(deps, req.params.token, 'confirm', req.ip));

    app.post('/api/public/appointment-links/:token/cancel', {
      config: { public: true },
      schema: { tags: publicTags, summary: 'Cancel the appointment with a reminder link (single use; late cancel inside the practice window)', params: ZAppointmentLinkParams, response: { 200: ZAppointmentLinkView } },
    }, async (req) => respondToLink(deps, req.params.token, 'cancel', req.ip));
  };
}
