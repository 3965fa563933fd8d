import type { TBookingRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { bookDraft, draftFromRequest, isSlotTaken, slotTakenError } from './book.js';
import { appointmentSelect, toAppointment, viewerParams, type AppointmentRow } from './scheduling.repo.js';

const RETURNED = 60;

/**
 * Books one appointment or a whole series in one transaction. When another booking wins a race for
 * the same slot, the exclusion constraints abort this one and the person is told to pick again.
 */
export async function bookAppointments(deps: Deps, actor: Actor, b: TBookingRequest, ip: string) {
  const { db, clock } = deps;
  try {
    return await db.tx(async (q) => {
      const draft = await draftFromRequest(q, actor, b);
      const booked = await bookDraft(q, deps, actor, draft);
      await appendAudit(q, {
        at: clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: draft.patientId,
        action: booked.seriesId ? 'appointment_series.book' : 'appointment.book', resourceType: booked.seriesId ? 'AppointmentSeries' : 'Appointment',
        resourceId: booked.seriesId ?? booked.appointmentIds[0]!, clientIp: ip, outcome: 'success',
        detail: { occurrences: booked.appointmentIds.length, skipped: draft.skip.length, moved: draft.moves.length },
      });
      const rows = await q.query<AppointmentRow>(
        `${appointmentSelect(1, 2)} WHERE a.id = ANY($3::uuid[]) ORDER BY a.starts_at LIMIT ${RETURNED}`,
        [...viewerParams(actor), booked.appointmentIds],
      );
      return { seriesId: booked.seriesId, created: booked.appointmentIds.length, appointments: rows.rows.map(toAppointment) };
    });
  } catch (e) {
    if (isSlotTaken(e)) throw slotTakenError();
    throw e;
  }
}
