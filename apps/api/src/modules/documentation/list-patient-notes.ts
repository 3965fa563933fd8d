import type { TNoteKind, TNoteStatus, TNoteSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { canAccessPatient } from '../patients/index.js';
import { auditNote } from './note-access.js';
import { toSummary } from './note-view.js';
import { listPatientNotes as listRows, patientExists } from './notes.repo.js';

/**
 * A patient's notes, newest service date first: signed notes, plus the unsigned ones the reader
 * writes or supervises. One statement per page; the read is audited with the count shown.
 */
export async function listPatientNotes(
  deps: Deps, actor: Actor, patientId: string, query: { status?: TNoteStatus; kind?: TNoteKind; page: number; pageSize: number }, ip: string,
): Promise<{ items: TNoteSummary[]; page: number; pageSize: number; total: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  if (!(await canAccessPatient(db, actor, patientId, 'clinical')) || !(await patientExists(db, patientId))) {
    throw new DomainError('not_found', 'Patient was not found.');
  }
  const { rows, total } = await listRows(db, patientId, actor.userId, { status: query.status, kind: query.kind }, query.pageSize, (query.page - 1) * query.pageSize);
  await auditNote(db, actor, ip, now, {
    action: 'note.list', noteId: null, patientId, detail: { status: query.status ?? null, kind: query.kind ?? null, page: query.page, count: rows.length, total },
  });
  return { items: rows.map((r) => toSummary(r, now)), page: query.page, pageSize: query.pageSize, total };
}
