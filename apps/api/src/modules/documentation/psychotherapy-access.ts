import type { z } from 'zod';
import type { ZPsychotherapyNote } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit, type AuditOutcome } from '../../platform/audit/audit.js';
import { DomainError } from '../../platform/errors.js';
import { psychotherapyNoteOwner, type PsychotherapyNoteRow } from './psychotherapy.repo.js';

export type TPsychotherapyNote = z.infer<typeof ZPsychotherapyNote>;

/**
 * The person whose own psychotherapy notes the actor may read and write: a signed-in person only.
 * An API token acts for a service account, never for a note's author, so it has none.
 */
export const authorIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

/** Unknown, and someone else's, read the same: the existence of another clinician's note is not revealed. */
export const noteNotFound = () => new DomainError('not_found', 'Psychotherapy note was not found.');

/** Audit rows carry ids, counts and versions only: never the note's text. */
export function auditPsychotherapy(
  q: Queryable,
  actor: Actor,
  ip: string,
  at: Date,
  e: { action: string; resourceId?: string | null; patientId?: string | null; outcome?: AuditOutcome; detail?: Record<string, unknown> },
): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: e.outcome ?? 'success',
    action: e.action, resourceType: 'PsychotherapyNote', resourceId: e.resourceId ?? null, patientId: e.patientId ?? null, detail: e.detail,
  });
}

export function toPsychotherapyNote(r: PsychotherapyNoteRow): TPsychotherapyNote {
  return {
    id: r.id,
    patientId: r.patient_id,
    appointmentId: r.appointment_id,
    sessionDate: r.session_date,
    body: r.body,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

/**
 * Records a refused attempt on someone else's note (outcome 'denied'), so a privacy officer can see
 * who tried; an id that names no note is not recorded. The caller then answers "not found".
 */
export async function auditRefused(q: Queryable, actor: Actor, ip: string, at: Date, action: string, id: string): Promise<void> {
  const owner = await psychotherapyNoteOwner(q, id);
  if (!owner) return;
  await auditPsychotherapy(q, actor, ip, at, { action, resourceId: id, patientId: owner.patient_id, outcome: 'denied' });
}
