// The documentation module's public API for other modules (and for the group, queue, search and
// PDF use cases beside it): note rows and views, creating and signing inside a caller's
// transaction, the content and required-element rules, the content hash, and note access.
export { notesRoutes } from './notes.routes.js';
export { loadNoteRow, type NoteRow } from './notes.repo.js';
export { toNote, toEncounter, toSummary, noteDueAt } from './note-view.js';
export { noteView, noteDetails } from './get-note.js';
export { createNoteInTx, type NewNoteInput } from './create-note.js';
export { signNoteInTx } from './sign-note.js';
export { signingGaps, finalizeInTx, hashOf } from './signing.js';
export { validateContent, validateEnabledSections, restrictToScopes, isAnswered, CONTENT_MAX_BYTES, type ContentContext } from './domain/content-rules.js';
export { missingElements, type MissingElement, type EncounterFacts } from './domain/required-elements.js';
export { contentHash, addendumHash } from './domain/content-hash.js';
export { canSeeNote, loadVisibleNote, requireAuthor, requireEditable, requireVersion, auditNote, noteNotFound } from './note-access.js';
export { psychotherapyRoutes } from './psychotherapy.routes.js';
