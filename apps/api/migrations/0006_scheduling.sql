-- Scheduling for recurring care: appointment types, series (RFC 5545 rules expanded in the
-- location's time zone), one row per occurrence with its own status, groups, availability,
-- reminders, outreach and the waitlist.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Practice-wide scheduling policy. Fees are patient-responsibility charges, never billed to insurance.
ALTER TABLE practice
  ADD COLUMN late_cancel_window_hours integer NOT NULL DEFAULT 24 CHECK (late_cancel_window_hours BETWEEN 0 AND 168),
  ADD COLUMN max_series_days integer NOT NULL DEFAULT 730 CHECK (max_series_days BETWEEN 7 AND 3660),
  ADD COLUMN series_horizon_days integer NOT NULL DEFAULT 182 CHECK (series_horizon_days BETWEEN 28 AND 730),
  ADD COLUMN no_show_fee_cents integer NOT NULL DEFAULT 0 CHECK (no_show_fee_cents BETWEEN 0 AND 100000),
  ADD COLUMN late_cancel_fee_cents integer NOT NULL DEFAULT 0 CHECK (late_cancel_fee_cents BETWEEN 0 AND 100000),
  ADD COLUMN medicaid_fee_exempt boolean NOT NULL DEFAULT true;

-- Per-payer overrides of the attendance fees (null = practice default).
CREATE TABLE payer_attendance_fees (
  payer_id uuid PRIMARY KEY REFERENCES payers(id),
  no_show_fee_cents integer CHECK (no_show_fee_cents BETWEEN 0 AND 100000),
  late_cancel_fee_cents integer CHECK (late_cancel_fee_cents BETWEEN 0 AND 100000),
  exempt boolean NOT NULL DEFAULT false
);

CREATE TABLE appointment_types (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  -- What billing will likely code this as; the note decides.
  service_hint text NOT NULL CHECK (service_hint IN ('intake', 'psychotherapy', 'family', 'group', 'psychiatric_evaluation', 'medication_management', 'crisis', 'collateral', 'testing', 'other')),
  mode text NOT NULL CHECK (mode IN ('in_person', 'telehealth', 'either')),
  color text NOT NULL CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
  is_group boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE groups (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  description text,
  appointment_type_id uuid NOT NULL REFERENCES appointment_types(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  room_id uuid REFERENCES rooms(id),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE group_facilitators (
  group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  lead boolean NOT NULL DEFAULT false,
  PRIMARY KEY (group_id, user_id)
);

CREATE TABLE group_members (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES groups(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  enrolled_on date NOT NULL,
  discharged_on date,
  discharge_reason text,
  CHECK (discharged_on IS NULL OR discharged_on >= enrolled_on)
);
CREATE INDEX group_members_group_idx ON group_members(group_id);
CREATE INDEX group_members_patient_idx ON group_members(patient_id);

CREATE TABLE appointment_series (
  id uuid PRIMARY KEY,
  patient_id uuid REFERENCES patients(id),
  group_id uuid REFERENCES groups(id),
  clinician_id uuid NOT NULL REFERENCES users(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  room_id uuid REFERENCES rooms(id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types(id),
  telehealth boolean NOT NULL DEFAULT false,
  time_zone text NOT NULL,
  -- DTSTART as local wall-clock time in time_zone, and the RRULE (RFC 5545) without DTSTART.
  start_local timestamp NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  rrule text NOT NULL,
  -- Occurrences exist up to this local date; open-ended series are extended on a rolling horizon.
  materialized_through date NOT NULL,
  open_ended boolean NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_on date,
  end_reason text,
  -- A "this and following" edit ends a series and continues it as a new one.
  continues_series_id uuid REFERENCES appointment_series(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((patient_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX appointment_series_patient_idx ON appointment_series(patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX appointment_series_open_idx ON appointment_series(materialized_through) WHERE status = 'active' AND open_ended;

-- One row per occurrence. Statuses that hold the time slot are the "active" ones; exclusion
-- constraints make double-booking impossible even for two bookings racing each other.
CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  series_id uuid REFERENCES appointment_series(id),
  -- The occurrence's original local start in its series (its RECURRENCE-ID); stays when moved.
  occurrence_local timestamp,
  patient_id uuid REFERENCES patients(id),
  group_id uuid REFERENCES groups(id),
  clinician_id uuid NOT NULL REFERENCES users(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  room_id uuid REFERENCES rooms(id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types(id),
  telehealth boolean NOT NULL DEFAULT false,
  time_zone text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN (
    'scheduled', 'confirmed', 'checked_in', 'in_session', 'completed', 'no_show', 'late_cancel',
    'cancelled_patient', 'cancelled_practice', 'rescheduled', 'skipped')),
  -- Denormalised for the exclusion constraints: does this row hold its time slot?
  holds_slot boolean GENERATED ALWAYS AS (status IN ('scheduled', 'confirmed', 'checked_in', 'in_session', 'completed')) STORED,
  status_reason text,
  status_changed_at timestamptz,
  status_changed_by uuid REFERENCES users(id),
  moved boolean NOT NULL DEFAULT false,
  rescheduled_to uuid REFERENCES appointments(id),
  -- Patient-responsibility attendance fee charged for a no-show or late cancel.
  fee_cents integer CHECK (fee_cents >= 0),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_at > starts_at),
  CHECK ((patient_id IS NULL) <> (group_id IS NULL)),
  CONSTRAINT appointments_clinician_overlap EXCLUDE USING gist (clinician_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (holds_slot),
  CONSTRAINT appointments_room_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (holds_slot AND room_id IS NOT NULL),
  CONSTRAINT appointments_patient_overlap EXCLUDE USING gist (patient_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (holds_slot AND patient_id IS NOT NULL)
);
CREATE UNIQUE INDEX appointments_occurrence_idx ON appointments(series_id, occurrence_local) WHERE series_id IS NOT NULL;
CREATE INDEX appointments_clinician_time_idx ON appointments(clinician_id, starts_at);
CREATE INDEX appointments_location_time_idx ON appointments(location_id, starts_at);
CREATE INDEX appointments_room_time_idx ON appointments(room_id, starts_at) WHERE room_id IS NOT NULL;
CREATE INDEX appointments_patient_time_idx ON appointments(patient_id, starts_at) WHERE patient_id IS NOT NULL;
CREATE INDEX appointments_group_time_idx ON appointments(group_id, starts_at) WHERE group_id IS NOT NULL;

-- Per-member attendance at a group occurrence; one member's absence does not touch the others.
CREATE TABLE group_attendance (
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  status text NOT NULL CHECK (status IN ('scheduled', 'confirmed', 'checked_in', 'completed', 'no_show', 'late_cancel', 'cancelled_patient', 'cancelled_practice')),
  status_reason text,
  fee_cents integer CHECK (fee_cents >= 0),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES users(id),
  PRIMARY KEY (appointment_id, patient_id)
);
CREATE INDEX group_attendance_patient_idx ON group_attendance(patient_id);

-- Every status change, move and fee, with who, when and why (the audit trail has it too).
CREATE TABLE appointment_events (
  id uuid PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  patient_id uuid REFERENCES patients(id),
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('created', 'status', 'moved', 'edited', 'fee', 'reminder', 'confirmed_by_patient', 'cancelled_by_patient_link')),
  from_status text,
  to_status text,
  reason text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX appointment_events_appointment_idx ON appointment_events(appointment_id, at);

-- Availability: weekly working hours per location, and dated exceptions (time off or extra hours).
CREATE TABLE clinician_hours (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  -- ISO weekday, 1 = Monday ... 7 = Sunday.
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  effective_from date,
  effective_to date,
  CHECK (end_time > start_time),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE INDEX clinician_hours_user_idx ON clinician_hours(user_id);

CREATE TABLE clinician_exceptions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('time_off', 'extra_hours')),
  location_id uuid REFERENCES locations(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (kind = 'time_off' OR location_id IS NOT NULL)
);
CREATE INDEX clinician_exceptions_user_idx ON clinician_exceptions(user_id, starts_at);

-- Reminders: rules, the reminders planned for each appointment, and the confirm/cancel links.
CREATE TABLE reminder_rules (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  minutes_before integer NOT NULL CHECK (minutes_before BETWEEN 30 AND 20160),
  active boolean NOT NULL DEFAULT true,
  UNIQUE (channel, minutes_before)
);

CREATE TABLE reminders (
  id uuid PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  rule_id uuid REFERENCES reminder_rules(id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
  skip_reason text,
  sent_at timestamptz,
  UNIQUE (appointment_id, patient_id, rule_id)
);
CREATE INDEX reminders_due_idx ON reminders(due_at) WHERE status = 'pending';

CREATE TABLE appointment_links (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_for text CHECK (used_for IN ('confirm', 'cancel')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Messages "sent" by the sandbox SMS provider: nothing leaves the machine; the app labels them.
CREATE TABLE sms_sandbox_messages (
  id uuid PRIMARY KEY,
  to_phone text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Outreach to patients at risk of dropping out.
CREATE TABLE outreach_attempts (
  id uuid PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id),
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users(id),
  channel text NOT NULL CHECK (channel IN ('phone', 'email', 'sms', 'letter', 'in_person', 'portal')),
  outcome text NOT NULL CHECK (outcome IN ('reached', 'left_message', 'no_answer', 'sent', 'scheduled', 'declined', 'wrong_number')),
  template_key text,
  note text
);
CREATE INDEX outreach_attempts_patient_idx ON outreach_attempts(patient_id, at);

CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id),
  clinician_id uuid REFERENCES users(id),
  appointment_type_id uuid REFERENCES appointment_types(id),
  location_id uuid REFERENCES locations(id),
  telehealth_ok boolean NOT NULL DEFAULT true,
  -- [{ "weekday": 1-7, "from": "HH:MM", "to": "HH:MM" }]
  preferred_times jsonb NOT NULL DEFAULT '[]'::jsonb,
  priority smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  note text,
  added_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'scheduled', 'removed')),
  closed_at timestamptz,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX waitlist_entries_open_idx ON waitlist_entries(priority, added_on) WHERE status = 'open';

INSERT INTO permissions(key, description) VALUES
  ('scheduling.manage', 'Change appointment types, reminder rules, fees and scheduling policy');
INSERT INTO role_permissions(role_key, permission_key) VALUES
  ('admin', 'scheduling.manage'), ('admin', 'scheduling.write');

-- Default appointment types; a practice admin edits, deactivates or adds to them.
INSERT INTO appointment_types(id, code, name, duration_minutes, service_hint, mode, color, is_group, sort) VALUES
  (gen_random_uuid(), 'intake', 'Intake assessment', 60, 'intake', 'either', '#7048e8', false, 10),
  (gen_random_uuid(), 'individual-53', 'Individual therapy, 53 min', 53, 'psychotherapy', 'either', '#1c7ed6', false, 20),
  (gen_random_uuid(), 'individual-45', 'Individual therapy, 45 min', 45, 'psychotherapy', 'either', '#1098ad', false, 30),
  (gen_random_uuid(), 'individual-30', 'Individual therapy, 30 min', 30, 'psychotherapy', 'either', '#0ca678', false, 40),
  (gen_random_uuid(), 'family', 'Family therapy', 50, 'family', 'either', '#37b24d', false, 50),
  (gen_random_uuid(), 'group', 'Group therapy', 90, 'group', 'in_person', '#f59f00', true, 60),
  (gen_random_uuid(), 'psych-eval', 'Psychiatric evaluation', 60, 'psychiatric_evaluation', 'either', '#e8590c', false, 70),
  (gen_random_uuid(), 'med-mgmt-20', 'Medication management, 20 min', 20, 'medication_management', 'either', '#d6336c', false, 80),
  (gen_random_uuid(), 'med-mgmt-30', 'Medication management, 30 min', 30, 'medication_management', 'either', '#ae3ec9', false, 90),
  (gen_random_uuid(), 'crisis', 'Crisis session', 60, 'crisis', 'either', '#e03131', false, 100),
  (gen_random_uuid(), 'collateral', 'Collateral contact', 30, 'collateral', 'either', '#868e96', false, 110);

INSERT INTO reminder_rules(id, channel, minutes_before) VALUES
  (gen_random_uuid(), 'email', 2880),
  (gen_random_uuid(), 'sms', 1440);
