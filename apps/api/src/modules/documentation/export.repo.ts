import type { Queryable } from '../../platform/db/db.js';

// Read-only lookups for a note's printed copy: the practice's letterhead and the patient's identifiers
// (legal name, date of birth, MRN), which release of information needs to match the record.

export interface LetterheadRow {
  name: string;
  phone: string | null;
  address: Record<string, unknown> | null;
}

export async function practiceLetterhead(q: Queryable): Promise<LetterheadRow | null> {
  return (await q.query<LetterheadRow>('SELECT name, phone, address FROM practice ORDER BY created_at LIMIT 1')).rows[0] ?? null;
}

export interface PatientIdentityRow {
  legal_name: string;
  date_of_birth: string;
  mrn: string;
}

export async function patientIdentity(q: Queryable, patientId: string): Promise<PatientIdentityRow | null> {
  const r = await q.query<PatientIdentityRow>(
    `SELECT concat_ws(' ', p.legal_first_name, nullif(p.legal_middle_name, ''), p.legal_last_name) AS legal_name, p.date_of_birth, p.mrn
       FROM patients p WHERE p.id = $1`,
    [patientId],
  );
  return r.rows[0] ?? null;
}
