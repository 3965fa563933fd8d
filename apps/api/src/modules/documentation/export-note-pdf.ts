import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { auditNotes } from './extras-audit.js';
import { practiceLetterhead, patientIdentity } from './export.repo.js';
import { noteDetails } from './get-note.js';
import { listInterventions } from './interventions.js';
import { groupSharedContent } from './notes.repo.js';
import { renderNotePdf } from './note-pdf.js';

/** The practice address as printed lines ("1 Main St", "Springfield, IL 62701"). */
export function addressLines(a: Record<string, unknown> | null): string[] {
  const s = (k: string) => (typeof a?.[k] === 'string' ? (a[k] as string).trim() : '');
  const cityLine = [s('city'), [s('state'), s('postalCode')].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [s('line1'), s('line2'), cityLine].filter(Boolean);
}

/**
 * A note as a PDF for release of information, for readers who may read the note (the same rule as
 * opening it; unknown and not-yours are the same 404). A group member's note prints with its group
 * note's shared sections, as the member's record of the session. Audited as an export.
 */
export async function exportNotePdf(deps: Deps, actor: Actor, noteId: string, ip: string, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { db, clock } = deps;
  const now = clock.now();
  const note = await noteDetails(db, actor, noteId);
  const patient = await patientIdentity(db, note.patientId);
  if (!patient) throw notFound('Note');
  const practice = await practiceLetterhead(db);
  const content = note.groupNoteId ? { ...(await groupSharedContent(db, note.groupNoteId)), ...note.content } : note.content;
  const interventions = new Map((await listInterventions({ db })).map((i) => [i.code, i.label]));
  const pdf = await renderNotePdf(
    {
      practice: { name: practice?.name ?? 'Practice', addressLines: addressLines(practice?.address ?? null), phone: practice?.phone ?? null },
      patient: { name: patient.legal_name, dateOfBirth: patient.date_of_birth, mrn: patient.mrn },
      note: { ...note, content },
      labels: { interventions },
      generatedAt: now,
    },
    opts,
  );
  await auditNotes(db, actor, ip, now, {
    action: 'note.export', resourceId: note.id, patientId: note.patientId,
    detail: { format: 'pdf', status: note.status, addenda: note.addenda.length, bytes: pdf.length },
  });
  return pdf;
}
