import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/db.js';
import type { Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { newId, newSecret, sha256 } from '../../platform/ids.js';
import { insertEvents } from '../scheduling/index.js';
import { channelBlock, reminderPreferences, smsNumber, REMINDABLE_STATUSES } from './domain/plan.js';
import { reminderEmail, reminderSms, type ReminderFacts } from './domain/message.js';
import { signLinkToken } from './domain/link-token.js';
import { linkSecret } from './link-secret.js';
import { firstNameOf, placeOf } from './link-view.js';
import { appointmentFacts, deleteUnusedLink, insertLink, lockReminder, markReminder, type AppointmentFactsRow, type ReminderRow } from './links.repo.js';
import { SmsSendError, type SmsProvider } from './sms/sms-provider.js';

export interface DeliveryDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'HEARTH_LINK_SECRET'>;
  mailer: Mailer;
  sms: SmsProvider;
}

/** The page a reminder links to: the portal's /r/<token> (no sign-in). */
export const linkPageUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/portal/r/${token}`;

/** Why a queued reminder should no longer go out, judged again at delivery (minutes or retries later). */
function staleReason(r: ReminderRow, f: AppointmentFactsRow, now: Date): string | null {
  const startsAt = new Date(f.starts_at);
  if (now.getTime() >= startsAt.getTime()) return 'too_late';
  if (startsAt.getTime() !== new Date(r.for_starts_at).getTime()) return 'appointment_moved';
  if (!REMINDABLE_STATUSES.has(f.status)) return 'appointment_changed';
  if (f.group_id && f.member_status && !REMINDABLE_STATUSES.has(f.member_status)) return 'appointment_changed';
  return channelBlock(
    { patientId: f.patient_id, email: f.email?.trim() || null, smsNumber: smsNumber(f.phone), active: f.patient_status !== 'discharged', ...reminderPreferences(f.contact_preferences) },
    r.channel,
  );
}

/**
 * Delivers one queued reminder (the outbox job 'reminder.email' / 'reminder.sms'). The message is
 * written from the appointment as it is now; a single-use confirm/cancel link is created just before
 * sending. A send that fails is retried by the outbox (the unused link is removed); an SMS the
 * provider refuses for good (an invalid number) fails the reminder without retrying. Sending is
 * audited, with the channel only.
 */
export async function deliverReminder(deps: DeliveryDeps, reminderId: string): Promise<void> {
  const { db, clock } = deps;
  const secret = await linkSecret(deps);
  const now = clock.now();
  const prepared = await db.tx(async (q) => {
    const r = await lockReminder(q, reminderId);
    if (!r || r.status !== 'pending') return null; // already handled (a retried job, or a duplicate)
    const f = await appointmentFacts(q, r.appointment_id, r.patient_id);
    const stale = f ? staleReason(r, f, now) : 'appointment_changed';
    if (stale || !f) {
      await markReminder(q, r.id, 'skipped', stale, now);
      return null;
    }
    const random = newSecret(32);
    const startsAt = new Date(f.starts_at);
    const token = signLinkToken(secret, random, startsAt);
    const linkId = newId();
    await insertLink(q, { id: linkId, tokenHash: sha256(random), appointmentId: f.appointment_id, patientId: f.patient_id, expiresAt: startsAt, reminderId: r.id, createdAt: now });
    const facts: ReminderFacts = {
      practiceName: f.practice_name,
      practicePhone: f.practice_phone,
      firstName: firstNameOf(f),
      startsAt,
      timeZone: f.time_zone,
      place: placeOf(f),
      confirmed: (f.group_id ? f.member_status : f.status) === 'confirmed',
      lateCancelWindowHours: f.late_cancel_window_hours,
      linkUrl: linkPageUrl(deps.config.publicUrl, token),
    };
    return { r, f, facts, linkId };
  });
  if (!prepared) return;
  const { r, f, facts, linkId } = prepared;
  try {
    if (r.channel === 'email') await deps.mailer.send({ to: f.email!.trim(), ...reminderEmail(facts) });
    else await deps.sms.send(smsNumber(f.phone)!, reminderSms(facts));
  } catch (e) {
    await deleteUnusedLink(db, linkId);
    if (e instanceof SmsSendError && !e.retryable) {
      await markReminder(db, r.id, 'failed', e.code, clock.now());
      return;
    }
    throw e;
  }
  await db.tx(async (q) => {
    const at = clock.now();
    await markReminder(q, r.id, 'sent', null, at);
    await insertEvents(q, [{
      appointmentId: r.appointment_id, patientId: r.patient_id, at, actorId: null, kind: 'reminder', fromStatus: null, toStatus: null,
      reason: r.channel === 'email' ? 'Reminder sent by e-mail' : 'Reminder sent by text message', detail: { channel: r.channel, reminderId: r.id },
    }], newId);
    await appendAudit(q, {
      at, actorId: null, actorKind: 'system', actorRole: null, patientId: r.patient_id, action: 'reminder.sent',
      resourceType: 'Appointment', resourceId: r.appointment_id, outcome: 'success', detail: { channel: r.channel, reminderId: r.id, provider: r.channel === 'sms' ? deps.sms.kind : 'smtp' },
    });
  });
}
