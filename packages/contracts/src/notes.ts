import { z } from 'zod';
import { ZIsoDate, ZLine, ZPageQuery, ZText, ZUuid } from './common.js';
import { ZDiagnosisRef, ZFieldKey, ZNoteKind, ZTemplateDefinition } from './note-templates.js';

// Notes in the record. A note is written on one template version; its encounter facts (times,
// place of service, participants, ordered diagnoses) are structured for billing, and the template's
// sections are `content`. Signing locks it; corrections are addenda. Associates' notes need their
// supervisor's co-signature before they are final.

export const ZNoteStatus = z.enum(['draft', 'pending_cosign', 'returned', 'signed']);
export type TNoteStatus = z.infer<typeof ZNoteStatus>;

/** Section key -> field key -> value (value shape depends on the field type). At most 200 kB as JSON. */
export const ZNoteContent = z.record(ZFieldKey, z.record(ZFieldKey, z.unknown()));
export type TNoteContent = z.infer<typeof ZNoteContent>;

export const ZParticipant = z.strictObject({
  role: z.enum(['patient', 'guardian', 'family_member', 'partner', 'interpreter', 'other_provider', 'other']),
  /** A name or relationship ("mother"); the patient needs none. */
  name: ZLine(120).optional(),
});
export type TParticipant = z.infer<typeof ZParticipant>;

/** 'HH:MM' local time; with the service date and the appointment's zone it gives the instant. */
export const ZNoteClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 15:05');

/** The encounter facts payers require; all optional while drafting, checked at signing. */
export const ZEncounter = z.strictObject({
  serviceDate: ZIsoDate.optional(),
  startTime: ZNoteClockTime.nullable().optional(),
  endTime: ZNoteClockTime.nullable().optional(),
  /** Psychotherapy minutes, kept apart from medical-management (E/M) minutes. */
  psychotherapyMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  medicalMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  placeOfService: z.enum(['in_person', 'telehealth']).optional(),
  telehealthMode: z.enum(['video', 'audio_only']).nullable().optional(),
  /** Where the patient was during a telehealth session (home, work, a city and state). */
  patientLocation: ZLine(200).nullable().optional(),
  participants: z.array(ZParticipant).max(20).optional(),
  /** Ordered: the first is the primary diagnosis for the claim. */
  diagnoses: z.array(ZDiagnosisRef).max(12).optional(),
});
export type TEncounter = z.infer<typeof ZEncounter>;

export const ZCreateNoteRequest = z.strictObject({
  patientId: ZUuid,
  templateId: ZUuid,
  /** Starting from an appointment links them and prefills times and place of service. */
  appointmentId: ZUuid.optional(),
  /** Copy the previous signed note of the same template for this patient; copied fields stay marked until edited. */
  copyForward: z.boolean().optional(),
  encounter: ZEncounter.optional(),
});
export type TCreateNoteRequest = z.infer<typeof ZCreateNoteRequest>;

/** Autosave: the whole draft, if `version` still matches (409 otherwise). */
export const ZSaveNoteRequest = z.strictObject({
  version: z.number().int().min(1),
  encounter: ZEncounter.optional(),
  content: ZNoteContent.optional(),
  /** Optional sections switched on, by key. */
  enabledSections: z.array(ZFieldKey).max(30).optional(),
});
export type TSaveNoteRequest = z.infer<typeof ZSaveNoteRequest>;

export const ZSignNoteRequest = z.strictObject({
  version: z.number().int().min(1),
  /** Signing attests the content; the client sends the text the signer saw confirmed. */
  attestation: z.literal(true, { message: 'must be true: the signer attests the note is accurate' }),
});
export type TSignNoteRequest = z.infer<typeof ZSignNoteRequest>;

export const ZCosignNoteRequest = z.strictObject({ version: z.number().int().min(1) });
export const ZReturnNoteRequest = z.strictObject({
  version: z.number().int().min(1),
  comment: ZText(4000).pipe(z.string().min(1, 'is required: say what to change')),
});
export const ZAddendumRequest = z.strictObject({
  reason: z.enum(['correction', 'late_entry', 'additional_information', 'clarification']),
  body: ZText(20000).pipe(z.string().min(1, 'is required')),
});
export type TReturnNoteRequest = z.infer<typeof ZReturnNoteRequest>;
export type TAddendumRequest = z.infer<typeof ZAddendumRequest>;

export const ZSignature = z.object({
  kind: z.enum(['author', 'cosign', 'returned']),
  userId: ZUuid,
  signerName: z.string(),
  credentials: z.string().nullable(),
  signedAt: z.string(),
  contentHash: z.string(),
  comment: z.string().nullable(),
});
export const ZAddendum = z.object({
  id: ZUuid,
  authorId: ZUuid,
  signerName: z.string(),
  credentials: z.string().nullable(),
  reason: z.string(),
  body: z.string(),
  signedAt: z.string(),
  contentHash: z.string(),
});

/** A required element that is missing, named for the writer ("Diagnoses: add at least one"). */
export const ZMissingElement = z.object({ field: z.string(), message: z.string() });
export type TMissingElement = z.infer<typeof ZMissingElement>;

export const ZNote = z.object({
  id: ZUuid,
  patientId: ZUuid,
  patientName: z.string(),
  authorId: ZUuid,
  authorName: z.string(),
  templateId: ZUuid,
  templateVersion: z.number(),
  templateName: z.string(),
  kind: ZNoteKind,
  billable: z.boolean(),
  status: ZNoteStatus,
  appointmentId: ZUuid.nullable(),
  groupNoteId: ZUuid.nullable(),
  encounter: z.object({
    serviceDate: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    timeZone: z.string(),
    psychotherapyMinutes: z.number().nullable(),
    medicalMinutes: z.number().nullable(),
    placeOfService: z.enum(['in_person', 'telehealth']),
    posCode: z.string().nullable(),
    telehealthMode: z.enum(['video', 'audio_only']).nullable(),
    patientLocation: z.string().nullable(),
    participants: z.array(ZParticipant),
    diagnoses: z.array(z.object({ code: z.string(), title: z.string() })),
  }),
  content: ZNoteContent,
  enabledSections: z.array(z.string()),
  /** "section.field" paths copied from an earlier note and not edited since. */
  carriedForward: z.array(z.string()),
  copiedFrom: ZUuid.nullable(),
  cosignRequired: z.boolean(),
  supervisorId: ZUuid.nullable(),
  supervisorName: z.string().nullable(),
  lateEntry: z.boolean(),
  contentHash: z.string().nullable(),
  signedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  signatures: z.array(ZSignature),
  addenda: z.array(ZAddendum),
  /** What still blocks signing (empty when it can be signed). */
  missing: z.array(ZMissingElement),
  /** The template version as written (so the note renders as its author saw it). */
  definition: ZTemplateDefinition,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TNote = z.infer<typeof ZNote>;

export const ZNoteSummary = z.object({
  id: ZUuid,
  patientId: ZUuid,
  patientName: z.string(),
  authorId: ZUuid,
  authorName: z.string(),
  templateName: z.string(),
  kind: ZNoteKind,
  status: ZNoteStatus,
  serviceDate: z.string(),
  appointmentId: ZUuid.nullable(),
  lateEntry: z.boolean(),
  addendaCount: z.number(),
  signedAt: z.string().nullable(),
  /** When the note becomes (or became) overdue if unsigned. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type TNoteSummary = z.infer<typeof ZNoteSummary>;

export const ZPatientNotesQuery = ZPageQuery.extend({
  status: ZNoteStatus.optional(),
  kind: ZNoteKind.optional(),
});

export const ZNoteSearchQuery = ZPageQuery.extend({
  q: z.string().trim().min(2, 'must be at least 2 characters').max(200),
  /** Defaults to the reader's own notes. */
  authorId: ZUuid.optional(),
  patientId: ZUuid.optional(),
});
export const ZNoteSearchHit = ZNoteSummary.extend({ snippet: z.string() });

/**
 * POST /api/notes/search: the same search with the terms in the body, since they may hold PHI and a
 * URL ends up in logs, browser history and proxies. Terms are text (no control characters).
 */
export const ZNoteSearchRequest = z.strictObject({
  q: ZText(200).pipe(z.string().min(2, 'must be at least 2 characters')),
  /** Defaults to the reader's own notes. */
  authorId: ZUuid.optional(),
  patientId: ZUuid.optional(),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TNoteSearchRequest = z.input<typeof ZNoteSearchRequest>;

/** The reader's work queue: drafts, returned notes, overdue notes, and (supervisors) notes awaiting co-signature. */
export const ZNoteQueueQuery = ZPageQuery.extend({
  queue: z.enum(['mine_unsigned', 'overdue', 'cosign_inbox', 'supervisees_overdue']),
});

/** The home page badges: how many notes wait in each queue (the supervisor ones are 0 for non-supervisors). */
export const ZNoteQueueCounts = z.object({
  mineUnsigned: z.number(),
  overdue: z.number(),
  cosignInbox: z.number(),
  superviseesOverdue: z.number(),
});
export type TNoteQueueCounts = z.infer<typeof ZNoteQueueCounts>;

export const ZNotesSettings = z.object({ noteOverdueHours: z.number() });
export const ZUpdateNotesSettingsRequest = z.strictObject({ noteOverdueHours: z.number().int().min(1).max(720) });

// ---- Group notes ----

export const ZCreateGroupNoteRequest = z.strictObject({
  /** The group session (an appointment of a group). */
  appointmentId: ZUuid,
  templateId: ZUuid,
});
export const ZSaveGroupNoteRequest = z.strictObject({
  version: z.number().int().min(1),
  /** The shared sections, written once. */
  sharedContent: ZNoteContent.optional(),
  /** Per member: encounter facts and the member sections. */
  members: z
    .array(z.strictObject({ noteId: ZUuid, version: z.number().int().min(1), encounter: ZEncounter.optional(), content: ZNoteContent.optional() }))
    .max(100)
    .optional(),
});
export const ZSignGroupNoteRequest = z.strictObject({ version: z.number().int().min(1), attestation: z.literal(true) });
export const ZGroupNote = z.object({
  id: ZUuid,
  appointmentId: ZUuid,
  groupId: ZUuid,
  groupName: z.string(),
  authorId: ZUuid,
  templateId: ZUuid,
  templateVersion: z.number(),
  status: z.enum(['draft', 'signed']),
  sharedContent: ZNoteContent,
  definition: ZTemplateDefinition,
  members: z.array(ZNote),
  version: z.number(),
});
export type TGroupNote = z.infer<typeof ZGroupNote>;

// ---- Psychotherapy notes (the author's private process notes) ----

export const ZPsychotherapyNote = z.object({
  id: ZUuid,
  patientId: ZUuid,
  appointmentId: ZUuid.nullable(),
  sessionDate: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const ZCreatePsychotherapyNoteRequest = z.strictObject({
  patientId: ZUuid,
  appointmentId: ZUuid.optional(),
  sessionDate: ZIsoDate,
  body: ZText(50000).pipe(z.string().min(1, 'is required')),
});
export const ZUpdatePsychotherapyNoteRequest = z.strictObject({
  version: z.number().int().min(1),
  body: ZText(50000).pipe(z.string().min(1, 'is required')),
});
export const ZPsychotherapyNoteQuery = ZPageQuery.extend({ patientId: ZUuid });
