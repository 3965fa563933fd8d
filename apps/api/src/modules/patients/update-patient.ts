import type { TPatient, TUpdatePatientRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { canAccessPatient } from './access.js';
import { checkPatientRules } from './domain/patient-rules.js';
import { loadPatient, replaceCareTeam, replaceContacts, replaceCoverages, updatePatientFields } from './patients.repo.js';
import { toPatient } from './patient-view.js';
import { practiceToday } from './practice-today.js';
import { checkReferences } from './validate-references.js';
import { endSeriesOfDischargedPatient } from '../scheduling/index.js';

export async function updatePatient(deps: Deps, actor: Actor, id: string, input: TUpdatePatientRequest, ip: string): Promise<TPatient> {
  const { db, clock } = deps;
  const now = clock.now();
  const today = await practiceToday(db, now);
  const current = await loadPatient(db, id);
  if (!current || !(await canAccessPatient(db, actor, id, 'demographics'))) {
    throw new DomainError('not_found', 'Patient was not found, or is not on your caseload.');
  }
  const { version, contacts, coverages, careTeam, ...fields } = input;
  const facts = {
    dateOfBirth: fields.dateOfBirth ?? current.date_of_birth,
    // The guardian rule is checked whenever birth date or contacts change.
    contacts: contacts ?? (fields.dateOfBirth ? (current.contacts as { kind: string }[]) : undefined),
    coverages,
    careTeam,
  };
  const issues = [...checkPatientRules(facts, today), ...(await checkReferences(db, { coverages, careTeam }))];
  if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; '), issues);
  const merged = {
    legalFirstName: fields.legalFirstName ?? current.legal_first_name,
    legalMiddleName: fields.legalMiddleName !== undefined ? fields.legalMiddleName : current.legal_middle_name,
    legalLastName: fields.legalLastName ?? current.legal_last_name,
    preferredName: fields.preferredName !== undefined ? fields.preferredName : current.preferred_name,
    phone: fields.phone !== undefined ? fields.phone : current.phone,
  };
  await db.tx(async (q) => {
    const ok = await updatePatientFields(q, id, version, fields, merged, now);
    if (!ok) throw new DomainError('conflict', 'Someone else changed this patient since you opened it. Reload to see their changes.');
    if (contacts) await replaceContacts(q, id, contacts);
    if (coverages) await replaceCoverages(q, id, coverages);
    if (careTeam) await replaceCareTeam(q, id, careTeam, today);
    // Discharge ends the patient's recurring series: no more sessions are held for them.
    const removed = fields.status === 'discharged' && current.status !== 'discharged' ? await endSeriesOfDischargedPatient(q, actor.userId, now, id) : 0;
    if (removed) await appendAudit(q, { at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: actor.roles.join(',') || 'service', patientId: id, action: 'appointment_series.end', resourceType: 'Patient', resourceId: id, clientIp: ip, outcome: 'success', detail: { reason: 'discharged', removed } });
    await appendAudit(q, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: actor.roles.join(',') || 'service', patientId: id,
      action: 'patient.update', resourceType: 'Patient', resourceId: id, clientIp: ip, outcome: 'success',
      // Which fields changed, never their values.
      detail: { fields: Object.keys(input).filter((k) => k !== 'version').sort() },
    });
  });
  return toPatient((await loadPatient(db, id))!, today);
}
