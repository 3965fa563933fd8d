import type { TCreatePatientRequest, TPatient } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { checkPatientRules } from './domain/patient-rules.js';
import { insertPatient, loadPatient, replaceCareTeam, replaceContacts, replaceCoverages } from './patients.repo.js';
import { toPatient } from './patient-view.js';
import { practiceToday } from './practice-today.js';
import { checkReferences } from './validate-references.js';

export async function createPatient(deps: Deps, actor: Actor, input: TCreatePatientRequest, ip: string): Promise<TPatient> {
  const { db, clock } = deps;
  const now = clock.now();
  const today = await practiceToday(db, now);
  const careTeam = [...(input.careTeam ?? [])];
  // A clinician who registers a patient joins the care team, or they could not open the chart they just made.
  if (!actor.permissions.has('patients.read_all') && actor.kind === 'user' && !careTeam.some((m) => m.userId === actor.userId)) {
    careTeam.push({ userId: actor.userId, role: 'therapist' });
  }
  const data = { ...input, contacts: input.contacts ?? [], careTeam };
  const issues = [...checkPatientRules(data, today), ...(await checkReferences(db, data))];
  if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; '), issues);
  const id = newId();
  await db.tx(async (q) => {
    await insertPatient(q, data, id, actor.kind === 'user' ? actor.userId : null, now);
    await replaceContacts(q, id, data.contacts);
    await replaceCoverages(q, id, data.coverages ?? []);
    await replaceCareTeam(q, id, careTeam, today);
    await appendAudit(q, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: actor.roles.join(',') || 'service', patientId: id,
      action: 'patient.create', resourceType: 'Patient', resourceId: id, clientIp: ip, outcome: 'success',
    });
  });
  return toPatient((await loadPatient(db, id))!, today);
}
