import type { TAppointmentLinkView } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
// The same rules as a status change at the front desk: what counts as a late cancel, and its fee.
import { decideStatus } from '../scheduling/index.js';
import { attendanceFee } from '../scheduling/index.js';
import { primaryPayer } from '../scheduling/index.js';
import { insertEvents, loadPolicy, lockAppointment, type EventInput } from '../scheduling/index.js';
import { expiredLink, lockedLink, resolveLink, throttleLinks } from './open-link.js';
import { stateOf, toLinkView } from './link-view.js';
import { appointmentFacts, useLink, type AppointmentFactsRow, type LinkRow } from './links.repo.js';

export type LinkAction = 'confirm' | 'cancel';

const REASON = { confirm: 'Confirmed by the patient from a reminder', cancel: 'Cancelled by the patient from a reminder' } as const;

/** Sets this patient's status: the appointment's own, or their line in a group session. */
async function setPatientStatus(q: Queryable, f: AppointmentFactsRow, status: string, reason: string, feeCents: number | null, now: Date) {
  if (f.group_id) {
    await q.query(
      `INSERT INTO group_attendance(appointment_id, patient_id, status, status_reason, fee_cents, recorded_at, recorded_by)
       VALUES ($1,$2,$3,$4,$5,$6,NULL)
       ON CONFLICT (appointment_id, patient_id) DO UPDATE
          SET status = EXCLUDED.status, status_reason = EXCLUDED.status_reason, fee_cents = EXCLUDED.fee_cents,
              recorded_at = EXCLUDED.recorded_at, recorded_by = NULL`,
      [f.appointment_id, f.patient_id, status, reason, feeCents, now.toISOString()],
    );
    return;
  }
  await q.query(
    `UPDATE appointments SET status = $2, status_reason = $3, status_changed_at = $4, status_changed_by = NULL,
            fee_cents = CASE WHEN $5::int IS NULL THEN fee_cents ELSE $5::int END, version = version + 1
      WHERE id = $1`,
    [f.appointment_id, status, reason, now.toISOString(), feeCents],
  );
}

/**
 * Confirms or cancels an appointment with a reminder's link, without signing in. The link works once
 * (the row is locked and marked used in the same transaction as the change). A cancellation inside the
 * practice's late-cancel window is recorded as a late cancel with the fee the practice and payer rules
 * give, exactly as when the front desk records it. Recorded as an appointment event and audited.
 */
export async function respondToLink(deps: Deps, token: string, action: LinkAction, ip: string): Promise<TAppointmentLinkView> {
  await throttleLinks(deps, ip);
  const v = await resolveLink(deps, token, ip);
  const now = deps.clock.now();
  const outcome = await deps.db.tx(async (q): Promise<{ used: LinkRow } | { done: LinkRow }> => {
    const link = await lockedLink(q, v);
    if (link.used_at) return { used: link };
    await lockAppointment(q, link.appointment_id);
    const f = await appointmentFacts(q, link.appointment_id, link.patient_id);
    if (!f) throw new DomainError('not_found', 'This appointment was not found. Contact the practice.');
    const startsAt = new Date(f.starts_at);
    if (now.getTime() >= startsAt.getTime()) throw expiredLink();
    const state = stateOf(f);
    const from = f.group_id ? (f.member_status ?? 'scheduled') : f.status;
    const events: EventInput[] = [];
    let feeCents: number | null = null;
    if (action === 'confirm') {
      if (state !== 'scheduled' && state !== 'confirmed') {
        throw new DomainError('conflict', 'This appointment was cancelled or changed, so it cannot be confirmed. Contact the practice.');
      }
      // Confirming an appointment the front desk already confirmed changes nothing but is still recorded.
      if (state === 'scheduled') await setPatientStatus(q, f, 'confirmed', REASON.confirm, null, now);
      events.push({ appointmentId: f.appointment_id, patientId: f.patient_id, at: now, actorId: null, kind: 'confirmed_by_patient', fromStatus: from, toStatus: 'confirmed', reason: REASON.confirm, detail: { via: 'reminder_link', linkId: link.id } });
    } else {
      if (state !== 'scheduled' && state !== 'confirmed') {
        throw new DomainError('conflict', 'This appointment is no longer scheduled, so there is nothing to cancel. Contact the practice.');
      }
      const policy = await loadPolicy(q);
      const decision = decideStatus({ from, to: 'cancelled_patient', now, startsAt, endsAt: new Date(f.ends_at), lateCancelWindowHours: policy.late_cancel_window_hours });
      const fee = attendanceFee({
        status: decision.status,
        policy: { noShowFeeCents: policy.no_show_fee_cents, lateCancelFeeCents: policy.late_cancel_fee_cents, medicaidFeeExempt: policy.medicaid_fee_exempt },
        payer: await primaryPayer(q, f.patient_id, startsAt),
        waived: false,
      });
      feeCents = fee.feeCents;
      const reason = [REASON.cancel, decision.note].filter(Boolean).join(' — ');
      await setPatientStatus(q, f, decision.status, reason, fee.feeCents, now);
      const base = { appointmentId: f.appointment_id, patientId: f.patient_id, at: now, actorId: null, fromStatus: from, toStatus: decision.status };
      events.push({ ...base, kind: 'cancelled_by_patient_link', reason, detail: { via: 'reminder_link', linkId: link.id, ...(f.group_id ? { groupMember: true } : {}) } });
      if (fee.feeCents !== null) events.push({ ...base, kind: 'fee', reason: fee.reason ?? `Fee ${(fee.feeCents / 100).toFixed(2)}` });
    }
    if (!(await useLink(q, link.id, action, now))) return { used: link };
    await insertEvents(q, events, newId);
    await appendAudit(q, {
      at: now, actorId: null, actorKind: 'anonymous', actorRole: null, patientId: f.patient_id,
      action: action === 'confirm' ? 'appointment.confirmed_by_patient' : 'appointment.cancelled_by_patient',
      resourceType: 'Appointment', resourceId: f.appointment_id, clientIp: ip, outcome: 'success',
      detail: { via: 'reminder_link', linkId: link.id, from, to: events[0]!.toStatus, ...(action === 'cancel' ? { feeCents } : {}) },
    });
    return { done: link };
  });
  if ('used' in outcome) {
    const link = outcome.used;
    await deps.db.tx((q) =>
      appendAudit(q, {
        at: now, actorId: null, actorKind: 'anonymous', actorRole: null, patientId: link.patient_id, action: 'appointment_link.refused',
        resourceType: 'Appointment', resourceId: link.appointment_id, clientIp: ip, outcome: 'failure', detail: { reason: 'used', attempted: action },
      }),
    );
    const did = link.used_for === 'cancel' ? 'cancel' : 'confirm';
    throw new DomainError('gone', `This link was already used to ${did} the appointment. Each link works once; contact the practice for any other change.`, [], {
      reason: 'used',
      usedFor: link.used_for,
    });
  }
  const link = outcome.done;
  const f = await appointmentFacts(deps.db, link.appointment_id, link.patient_id);
  return toLinkView(f!, { ...link, used_at: now, used_for: action }, now);
}
