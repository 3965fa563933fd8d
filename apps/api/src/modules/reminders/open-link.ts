import type { TAppointmentLinkView } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { hitRateLimit } from '../../platform/auth/rate-limit.js';
import { DomainError } from '../../platform/errors.js';
import { sha256 } from '../../platform/ids.js';
import { verifyLinkToken, type VerifiedLinkToken } from './domain/link-token.js';
import { linkSecret } from './link-secret.js';
import { toLinkView } from './link-view.js';
import { appointmentFacts, linkByHash, type LinkRow } from './links.repo.js';

// The confirm/cancel page's data, reached with a reminder's link and no sign-in. The token is the
// only credential: it is checked (signature, expiry, then the stored hash) before anything is read.

/** Requests per client address in ten minutes, across the three public link routes. */
export const LINK_RATE_LIMIT = 60;

const invalidLink = () => new DomainError('not_found', 'This link is not valid. Open the whole link from your reminder, or contact the practice.');
export const expiredLink = () =>
  new DomainError('gone', 'This link has expired: the appointment has started or passed. Contact the practice if you need help.', [], { reason: 'expired' });

/** Throttles the public link routes per client address (shared by every API process). */
export async function throttleLinks(deps: Pick<Deps, 'db' | 'clock'>, ip: string): Promise<void> {
  if (!(await hitRateLimit(deps.db, `applink:ip:${ip}`, LINK_RATE_LIMIT, 600, deps.clock.now()))) {
    throw new DomainError('rate_limited', 'Too many requests. Wait a few minutes and try again.');
  }
}

/** Records a refused link (unknown, altered or expired), without anything from the token. */
async function auditRefusal(deps: Pick<Deps, 'db'>, now: Date, ip: string, reason: string, link?: LinkRow) {
  await deps.db.tx((q) =>
    appendAudit(q, {
      at: now, actorId: null, actorKind: 'anonymous', actorRole: null, patientId: link?.patient_id ?? null, action: 'appointment_link.refused',
      resourceType: link ? 'Appointment' : null, resourceId: link?.appointment_id ?? null, clientIp: ip, outcome: 'failure', detail: { reason },
    }),
  );
}

/** The token checked and its link row found, or the right 404/410 (audited). Outside any transaction. */
export async function resolveLink(deps: Pick<Deps, 'db' | 'clock' | 'config'>, token: string, ip: string): Promise<VerifiedLinkToken> {
  const now = deps.clock.now();
  const v = verifyLinkToken(await linkSecret(deps), token);
  if (!v) {
    await auditRefusal(deps, now, ip, 'invalid');
    throw invalidLink();
  }
  const link = await linkByHash(deps.db, sha256(v.random));
  if (!link) {
    await auditRefusal(deps, now, ip, 'unknown');
    throw invalidLink();
  }
  if (v.expiresAt.getTime() <= now.getTime() || new Date(link.expires_at).getTime() <= now.getTime()) {
    await auditRefusal(deps, now, ip, 'expired', link);
    throw expiredLink();
  }
  return v;
}

/** The link row, locked for a confirm or cancel in this transaction. */
export async function lockedLink(q: Queryable, v: VerifiedLinkToken): Promise<LinkRow> {
  const link = await linkByHash(q, sha256(v.random), true);
  if (!link) throw invalidLink();
  return link;
}

export async function openLink(deps: Deps, token: string, ip: string): Promise<TAppointmentLinkView> {
  await throttleLinks(deps, ip);
  const v = await resolveLink(deps, token, ip);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const link = await linkByHash(q, sha256(v.random));
    const f = link ? await appointmentFacts(q, link.appointment_id, link.patient_id) : undefined;
    if (!link || !f) throw invalidLink();
    // Opening the page shows the appointment's time and place: audited like any read of patient data.
    await appendAudit(q, {
      at: now, actorId: null, actorKind: 'anonymous', actorRole: null, patientId: link.patient_id, action: 'appointment_link.open',
      resourceType: 'Appointment', resourceId: link.appointment_id, clientIp: ip, outcome: 'success', detail: { via: 'reminder_link', linkId: link.id },
    });
    return toLinkView(f, link, now);
  });
}
