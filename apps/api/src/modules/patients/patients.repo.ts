import type { Queryable } from '../../platform/db/db.js';
import type { TCreatePatientRequest } from '@hearth/contracts';
import { newId } from '../../platform/ids.js';
import { phoneDigits, searchNameFor } from './domain/patient-rules.js';

export interface PatientRow {
  id: string;
  mrn: string;
  legal_first_name: string;
  legal_middle_name: string | null;
  legal_last_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  sex_at_birth: string;
  gender_identity: string | null;
  date_of_birth: string;
  phone: string | null;
  email: string | null;
  address: Record<string, unknown>;
  contact_preferences: Record<string, unknown>;
  language: string;
  interpreter_needed: boolean;
  status: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  contacts?: unknown[];
  coverages?: unknown[];
  care_team?: unknown[];
}

export const COLUMNS: Record<string, string> = {
  legalFirstName: 'legal_first_name',
  legalMiddleName: 'legal_middle_name',
  legalLastName: 'legal_last_name',
  preferredName: 'preferred_name',
  pronouns: 'pronouns',
  sexAtBirth: 'sex_at_birth',
  genderIdentity: 'gender_identity',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  email: 'email',
  address: 'address',
  contactPreferences: 'contact_preferences',
  language: 'language',
  interpreterNeeded: 'interpreter_needed',
  status: 'status',
};
const JSON_COLS = new Set(['address', 'contact_preferences']);

export async function insertPatient(q: Queryable, p: TCreatePatientRequest, id: string, createdBy: string | null, now: Date) {
  const mrn = (await q.query<{ n: number }>(`SELECT nextval('patient_mrn_seq')::int AS n`)).rows[0]!.n;
  await q.query(
    `INSERT INTO patients(id, mrn, legal_first_name, legal_middle_name, legal_last_name, preferred_name, pronouns, sex_at_birth,
       gender_identity, date_of_birth, phone, phone_digits, email, address, contact_preferences, language, interpreter_needed,
       status, search_name, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$21)`,
    [
      id, String(mrn), p.legalFirstName, p.legalMiddleName || null, p.legalLastName, p.preferredName || null, p.pronouns || null,
      p.sexAtBirth, p.genderIdentity || null, p.dateOfBirth, p.phone || null, phoneDigits(p.phone), p.email || null,
      JSON.stringify(p.address ?? {}), JSON.stringify(p.contactPreferences ?? {}), p.language ?? 'en', p.interpreterNeeded ?? false,
      p.status ?? 'active', searchNameFor(p), createdBy, now.toISOString(),
    ],
  );
  return String(mrn);
}

/** Applies changed scalar fields; returns false if the version no longer matches. */
export async function updatePatientFields(
  q: Queryable,
  id: string,
  version: number,
  fields: Record<string, unknown>,
  merged: { legalFirstName: string; legalMiddleName: string | null; legalLastName: string; preferredName: string | null; phone: string | null },
  now: Date,
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id, version, now.toISOString()];
  for (const [k, v] of Object.entries(fields)) {
    const col = COLUMNS[k];
    if (!col) continue;
    params.push(JSON_COLS.has(col) ? JSON.stringify(v ?? {}) : v === '' ? null : v);
    sets.push(`${col} = $${params.length}`);
  }
  params.push(searchNameFor(merged));
  sets.push(`search_name = $${params.length}`);
  params.push(phoneDigits(merged.phone));
  sets.push(`phone_digits = $${params.length}`);
  const r = await q.query(
    `UPDATE patients SET ${sets.join(', ')}, version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2`,
    params,
  );
  return r.rowCount > 0;
}

export async function replaceContacts(q: Queryable, patientId: string, contacts: NonNullable<TCreatePatientRequest['contacts']>) {
  await q.query('DELETE FROM patient_contacts WHERE patient_id = $1', [patientId]);
  for (const [i, c] of contacts.entries()) {
    await q.query(
      'INSERT INTO patient_contacts(id, patient_id, kind, name, relationship, phone, email, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
      [newId(), patientId, c.kind, c.name, c.relationship, c.phone || null, c.email || null, i],
    );
  }
}

export async function replaceCoverages(q: Queryable, patientId: string, coverages: NonNullable<TCreatePatientRequest['coverages']>) {
  await q.query('DELETE FROM coverages WHERE patient_id = $1', [patientId]);
  for (const c of coverages) {
    await q.query(
      `INSERT INTO coverages(id, patient_id, payer_id, priority, member_id, group_number, plan_name, relationship, subscriber, start_date, end_date)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [newId(), patientId, c.payerId, c.priority, c.memberId, c.groupNumber || null, c.planName || null, c.relationship,
        c.subscriber ? JSON.stringify(c.subscriber) : null, c.startDate ?? null, c.endDate ?? null],
    );
  }
}

export async function replaceCareTeam(q: Queryable, patientId: string, team: NonNullable<TCreatePatientRequest['careTeam']>, today: string) {
  await q.query('DELETE FROM care_team WHERE patient_id = $1', [patientId]);
  for (const m of team) {
    await q.query('INSERT INTO care_team(patient_id, user_id, role, since) VALUES ($1,$2,$3,$4)', [patientId, m.userId, m.role, today]);
  }
}

/** Staff ids among `ids` that exist, are active and hold a clinical role. */
export async function clinicalStaffIds(q: Queryable, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await q.query<{ id: string }>(
    `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.key = ur.role_key
      WHERE u.id = ANY($1::uuid[]) AND u.active AND r.clinical`,
    [ids],
  );
  return new Set(r.rows.map((x) => x.id));
}

export async function existingPayerIds(q: Queryable, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await q.query<{ id: string }>('SELECT id FROM payers WHERE id = ANY($1::uuid[]) AND active', [ids]);
  return new Set(r.rows.map((x) => x.id));
}

/** The whole chart header and demographics in one round trip. */
export async function loadPatient(q: Queryable, id: string): Promise<PatientRow | undefined> {
  const r = await q.query<PatientRow>(
    `SELECT p.*,
       COALESCE((SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'name', c.name, 'relationship', c.relationship,
                   'phone', c.phone, 'email', c.email) ORDER BY c.position) FROM patient_contacts c WHERE c.patient_id = p.id), '[]') AS contacts,
       COALESCE((SELECT json_agg(json_build_object('id', v.id, 'payerId', v.payer_id, 'payerName', y.name, 'payerKind', y.kind,
                   'priority', v.priority, 'memberId', v.member_id, 'groupNumber', v.group_number, 'planName', v.plan_name,
                   'relationship', v.relationship, 'subscriber', v.subscriber, 'startDate', v.start_date, 'endDate', v.end_date)
                   ORDER BY v.priority) FROM coverages v JOIN payers y ON y.id = v.payer_id WHERE v.patient_id = p.id), '[]') AS coverages,
       COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'role', t.role, 'name', u.first_name || ' ' || u.last_name,
                   'credentials', u.credentials) ORDER BY t.role, u.last_name) FROM care_team t JOIN users u ON u.id = t.user_id
                   WHERE t.patient_id = p.id), '[]') AS care_team
     FROM patients p WHERE p.id = $1`,
    [id],
  );
  return r.rows[0];
}
