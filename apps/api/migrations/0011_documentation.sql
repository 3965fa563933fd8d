-- Clinical documentation: versioned note templates, notes with signatures, co-signature and
-- addenda, group notes, psychotherapy notes kept apart, ICD-10-CM codes and the problem list.
-- btree_gin lets one GIN index hold the author and the words, so a search reads one clinician's matches.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- How long after the session a note may stay unsigned before it is overdue.
ALTER TABLE practice
  ADD COLUMN note_overdue_hours integer NOT NULL DEFAULT 72 CHECK (note_overdue_hours BETWEEN 1 AND 720);

-- Which release of each built-in content set is loaded (ICD-10-CM, templates), so boot loads it once.
CREATE TABLE content_releases (
  content text PRIMARY KEY,
  release text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- ICD-10-CM codes (public CMS release). Titles are public; DSM-5-TR text is never stored.
CREATE TABLE icd10_codes (
  code text PRIMARY KEY,                    -- with the dot, e.g. F32.1
  title text NOT NULL,
  billable boolean NOT NULL,
  -- Common clinical names people search by ("depression", "PTSD"), space separated.
  synonyms text NOT NULL DEFAULT '',
  effective_from date NOT NULL,
  effective_to date,                        -- null while current
  release text NOT NULL,
  search tsvector GENERATED ALWAYS AS (to_tsvector('english', code || ' ' || title || ' ' || synonyms)) STORED
);
CREATE INDEX icd10_codes_search_idx ON icd10_codes USING gin(search);
CREATE INDEX icd10_codes_title_trgm_idx ON icd10_codes USING gin(title gin_trgm_ops);

-- A template is a named, versioned definition. Built-in ones come from packages/content
-- (builtin_key set); a practice duplicates one to change it. A note keeps the version it used.
CREATE TABLE note_templates (
  id uuid PRIMARY KEY,
  builtin_key text UNIQUE,
  name text NOT NULL,
  kind text NOT NULL,
  billable boolean NOT NULL,
  active boolean NOT NULL DEFAULT true,
  duplicated_from uuid REFERENCES note_templates(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE note_template_versions (
  template_id uuid NOT NULL REFERENCES note_templates(id),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  -- One draft at most per template; published versions never change.
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  published_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template_id, version)
);
CREATE UNIQUE INDEX note_template_versions_one_draft ON note_template_versions(template_id) WHERE status = 'draft';

-- A group session's note: the shared section written once; one member note per attending member.
CREATE TABLE group_notes (
  id uuid PRIMARY KEY,
  appointment_id uuid NOT NULL UNIQUE REFERENCES appointments(id),
  group_id uuid NOT NULL REFERENCES groups(id),
  author_id uuid NOT NULL REFERENCES users(id),
  template_id uuid NOT NULL,
  template_version integer NOT NULL,
  shared_content jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  FOREIGN KEY (template_id, template_version) REFERENCES note_template_versions(template_id, version)
);

CREATE INDEX group_notes_search_idx ON group_notes USING gin (jsonb_to_tsvector('english', shared_content, '["string"]'));

-- A note in the record. Encounter facts payers require are columns (billing reads them);
-- the template's sections are `content`, keyed by section and field.
CREATE TABLE notes (
  id uuid PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id),
  author_id uuid NOT NULL REFERENCES users(id),
  template_id uuid NOT NULL,
  template_version integer NOT NULL,
  kind text NOT NULL,
  billable boolean NOT NULL,
  appointment_id uuid REFERENCES appointments(id),
  group_note_id uuid REFERENCES group_notes(id),
  -- draft -> (pending_cosign -> signed | returned -> draft...) -> signed. Signed is final and locked.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending_cosign', 'returned', 'signed')),
  service_date date NOT NULL,
  started_at timestamptz,
  ended_at timestamptz,
  psychotherapy_minutes integer CHECK (psychotherapy_minutes BETWEEN 0 AND 1440),
  medical_minutes integer CHECK (medical_minutes BETWEEN 0 AND 1440),
  place_of_service text NOT NULL DEFAULT 'in_person' CHECK (place_of_service IN ('in_person', 'telehealth')),
  pos_code text,
  telehealth_mode text CHECK (telehealth_mode IN ('video', 'audio_only')),
  patient_location text,
  participants jsonb NOT NULL DEFAULT '[]'::jsonb,
  diagnoses jsonb NOT NULL DEFAULT '[]'::jsonb,
  content jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Optional sections the writer switched on (for example psychotherapy in a medication visit).
  enabled_sections jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Field paths ("section.field") copied from an earlier note and not yet edited.
  carried_forward jsonb NOT NULL DEFAULT '[]'::jsonb,
  copied_from uuid REFERENCES notes(id),
  cosign_required boolean NOT NULL DEFAULT false,
  supervisor_id uuid REFERENCES users(id),
  late_entry boolean NOT NULL DEFAULT false,
  content_hash text,
  signed_at timestamptz,
  finalized_at timestamptz,
  -- Full-text search over the written content (never over psychotherapy notes, which live elsewhere).
  search tsvector GENERATED ALWAYS AS (jsonb_to_tsvector('english', content, '["string"]')) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  FOREIGN KEY (template_id, template_version) REFERENCES note_template_versions(template_id, version),
  CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at > started_at)
);
CREATE INDEX notes_patient_idx ON notes(patient_id, service_date DESC, created_at DESC);
CREATE INDEX notes_author_status_idx ON notes(author_id, status, service_date);
CREATE INDEX notes_supervisor_pending_idx ON notes(supervisor_id) WHERE status = 'pending_cosign';
CREATE INDEX notes_appointment_idx ON notes(appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX notes_group_note_idx ON notes(group_note_id) WHERE group_note_id IS NOT NULL;
-- Search always runs within one author's notes (their own, or a supervisee's).
CREATE INDEX notes_author_search_idx ON notes USING gin(author_id, search);
-- One note per patient per appointment (a group session has one per member).
CREATE UNIQUE INDEX notes_one_per_appointment ON notes(appointment_id, patient_id) WHERE appointment_id IS NOT NULL;

-- Every signature: the author's, a co-signature, a return with comments, an addendum's.
CREATE TABLE note_signatures (
  id uuid PRIMARY KEY,
  note_id uuid NOT NULL REFERENCES notes(id),
  kind text NOT NULL CHECK (kind IN ('author', 'cosign', 'returned')),
  user_id uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  credentials text,
  signed_at timestamptz NOT NULL,
  content_hash text NOT NULL,
  comment text
);
CREATE INDEX note_signatures_note_idx ON note_signatures(note_id, signed_at);

-- Corrections and late additions to a signed note: signed, dated, shown beneath it; never edits.
CREATE TABLE note_addenda (
  id uuid PRIMARY KEY,
  note_id uuid NOT NULL REFERENCES notes(id),
  author_id uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  credentials text,
  reason text NOT NULL,
  body text NOT NULL,
  signed_at timestamptz NOT NULL,
  content_hash text NOT NULL
);
CREATE INDEX note_addenda_note_idx ON note_addenda(note_id, signed_at);
CREATE INDEX note_addenda_search_idx ON note_addenda USING gin (to_tsvector('english', body));

-- Psychotherapy notes (HIPAA's process notes): apart from the record, readable only by their author.
-- No other table references them and no view, export or search reads this table.
CREATE TABLE psychotherapy_notes (
  id uuid PRIMARY KEY,
  author_id uuid NOT NULL REFERENCES users(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  appointment_id uuid REFERENCES appointments(id),
  session_date date NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX psychotherapy_notes_author_idx ON psychotherapy_notes(author_id, patient_id, session_date DESC);

-- The patient's problem list: diagnoses with onset and status; notes pick from it and add to it.
CREATE TABLE patient_problems (
  id uuid PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id),
  code text NOT NULL,
  title text NOT NULL,
  onset_date date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'in_remission', 'resolved', 'ruled_out')),
  is_primary boolean NOT NULL DEFAULT false,
  comment text,
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  resolved_on date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX patient_problems_patient_idx ON patient_problems(patient_id);
CREATE UNIQUE INDEX patient_problems_one_primary ON patient_problems(patient_id) WHERE is_primary AND status = 'active';
CREATE UNIQUE INDEX patient_problems_code_once ON patient_problems(patient_id, code) WHERE status <> 'ruled_out' AND status <> 'resolved';

-- A practice's own interventions, beside the built-in list in packages/content.
CREATE TABLE practice_interventions (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text NOT NULL,
  active boolean NOT NULL DEFAULT true
);

INSERT INTO permissions(key, description) VALUES
  ('templates.manage', 'Duplicate, edit and publish note templates');
INSERT INTO role_permissions(role_key, permission_key) VALUES
  ('admin', 'templates.manage');
