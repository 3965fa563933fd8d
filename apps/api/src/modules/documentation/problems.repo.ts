import type { TPatientProblem, TProblemStatus } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';

// SQL for the patient's problem list. One primary problem at a time and each diagnosis listed once
// while active or in remission (partial unique indexes back both rules).

export interface ProblemRow {
  id: string;
  patient_id: string;
  code: string;
  title: string;
  onset_date: string | null;
  status: TProblemStatus;
  is_primary: boolean;
  comment: string | null;
  added_by_name: string | null;
  added_at: Date;
  resolved_on: string | null;
  version: number;
}

const select = `
  SELECT pp.id, pp.patient_id, pp.code, pp.title, pp.onset_date, pp.status, pp.is_primary, pp.comment,
         nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '') || coalesce(', ' || nullif(u.credentials, ''), '')), '') AS added_by_name,
         pp.added_at, pp.resolved_on, pp.version
    FROM patient_problems pp LEFT JOIN users u ON u.id = pp.added_by`;

/** Primary first, then active, in remission, resolved, ruled out; newest first within each. */
export async function listProblems(q: Queryable, patientId: string): Promise<ProblemRow[]> {
  return (
    await q.query<ProblemRow>(
      `${select} WHERE pp.patient_id = $1
        ORDER BY pp.is_primary DESC, array_position(ARRAY['active','in_remission','resolved','ruled_out'], pp.status), pp.added_at DESC, pp.id`,
      [patientId],
    )
  ).rows;
}

export async function loadProblem(q: Queryable, patientId: string, id: string): Promise<ProblemRow | null> {
  return (await q.query<ProblemRow>(`${select} WHERE pp.patient_id = $1 AND pp.id = $2`, [patientId, id])).rows[0] ?? null;
}

/** The problem listing this code while it is still a live diagnosis (active or in remission). */
export async function liveProblemWithCode(q: Queryable, patientId: string, code: string, exceptId?: string): Promise<ProblemRow | null> {
  return (
    await q.query<ProblemRow>(`${select} WHERE pp.patient_id = $1 AND pp.code = $2 AND pp.status IN ('active', 'in_remission') AND pp.id <> coalesce($3::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`, [
      patientId, code, exceptId ?? null,
    ])
  ).rows[0] ?? null;
}

/** Takes the primary flag off every other problem of the patient (a new primary is being set). */
export async function clearPrimary(q: Queryable, patientId: string, exceptId: string | null): Promise<number> {
  const r = await q.query(
    `UPDATE patient_problems SET is_primary = false, version = version + 1
      WHERE patient_id = $1 AND is_primary AND id <> coalesce($2::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`,
    [patientId, exceptId],
  );
  return r.rowCount;
}

export interface ProblemWrite {
  onsetDate: string | null;
  status: TProblemStatus;
  isPrimary: boolean;
  comment: string | null;
  resolvedOn: string | null;
}

export async function insertProblem(q: Queryable, p: ProblemWrite & { id: string; patientId: string; code: string; title: string; addedBy: string; addedAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO patient_problems(id, patient_id, code, title, onset_date, status, is_primary, comment, added_by, added_at, resolved_on)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [p.id, p.patientId, p.code, p.title, p.onsetDate, p.status, p.isPrimary, p.comment, p.addedBy, p.addedAt.toISOString(), p.resolvedOn],
  );
}

/** Writes the problem if its version still matches; false when someone changed it first. */
export async function updateProblem(q: Queryable, patientId: string, id: string, version: number, p: ProblemWrite): Promise<boolean> {
  const r = await q.query(
    `UPDATE patient_problems SET onset_date = $4, status = $5, is_primary = $6, comment = $7, resolved_on = $8, version = version + 1
      WHERE patient_id = $1 AND id = $2 AND version = $3`,
    [patientId, id, version, p.onsetDate, p.status, p.isPrimary, p.comment, p.resolvedOn],
  );
  return r.rowCount > 0;
}

export function toProblem(r: ProblemRow): TPatientProblem {
  return {
    id: r.id,
    patientId: r.patient_id,
    code: r.code,
    title: r.title,
    onsetDate: r.onset_date,
    status: r.status,
    isPrimary: r.is_primary,
    comment: r.comment,
    addedBy: r.added_by_name,
    addedAt: new Date(r.added_at).toISOString(),
    resolvedOn: r.resolved_on,
    version: r.version,
  };
}
