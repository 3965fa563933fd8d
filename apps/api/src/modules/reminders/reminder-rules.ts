import type { TCreateReminderRuleRequest, TReminderRule, TUpdateReminderRuleRequest } from '@hearth/contracts';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { auditFor } from '../../platform/http/request-audit.js';
import { deleteRule, getRule, insertRule, listRules, sameRuleExists, toRule, updateRule, type RuleRow } from './reminders.repo.js';

// The practice's reminder rules: which channel, how long before the appointment. An admin edits them;
// every change is audited. Deleting a rule keeps the reminders it already produced as history.

const duplicate = (r: Pick<RuleRow, 'channel' | 'minutes_before'>) =>
  new DomainError('conflict', `There is already a ${r.channel === 'email' ? 'e-mail' : 'text message'} reminder ${r.minutes_before} minutes before.`, [
    { field: 'minutesBefore', message: 'already has a rule for this channel' },
  ]);

export async function listReminderRules(deps: Deps): Promise<TReminderRule[]> {
  return (await listRules(deps.db)).map(toRule);
}

export async function createReminderRule(deps: Deps, req: FastifyRequest, b: TCreateReminderRuleRequest): Promise<TReminderRule> {
  const row: RuleRow = { id: newId(), channel: b.channel, minutes_before: b.minutesBefore, active: b.active ?? true };
  await deps.db.tx(async (q) => {
    if (await sameRuleExists(q, row.channel, row.minutes_before, null)) throw duplicate(row);
    await insertRule(q, row);
    await auditFor(req, deps.clock.now())(q, { action: 'reminder_rule.create', resourceType: 'ReminderRule', resourceId: row.id, outcome: 'success', detail: { channel: row.channel, minutesBefore: row.minutes_before } });
  });
  return toRule(row);
}

export async function updateReminderRule(deps: Deps, req: FastifyRequest, id: string, b: TUpdateReminderRuleRequest): Promise<TReminderRule> {
  return deps.db.tx(async (q) => {
    const cur = await getRule(q, id);
    if (!cur) throw notFound('Reminder rule');
    const row: RuleRow = { id, channel: b.channel ?? cur.channel, minutes_before: b.minutesBefore ?? cur.minutes_before, active: b.active ?? cur.active };
    if (await sameRuleExists(q, row.channel, row.minutes_before, id)) throw duplicate(row);
    await updateRule(q, row);
    await auditFor(req, deps.clock.now())(q, { action: 'reminder_rule.update', resourceType: 'ReminderRule', resourceId: id, outcome: 'success', detail: { fields: Object.keys(b).sort() } });
    return toRule(row);
  });
}

export async function deleteReminderRule(deps: Deps, req: FastifyRequest, id: string): Promise<void> {
  await deps.db.tx(async (q) => {
    if (!(await deleteRule(q, id))) throw notFound('Reminder rule');
    await auditFor(req, deps.clock.now())(q, { action: 'reminder_rule.delete', resourceType: 'ReminderRule', resourceId: id, outcome: 'success' });
  });
}
