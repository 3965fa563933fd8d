-- Patients (clients), their contacts, care team, payers and insurance coverage.
CREATE SEQUENCE patient_mrn_seq START 100001;

CREATE TABLE payers (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  payer_code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('medicare', 'medicaid', 'commercial', 'tricare', 'self_pay', 'other')),
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE patients (
  id uuid PRIMARY KEY,
  mrn text NOT NULL UNIQUE,
  legal_first_name text NOT NULL,
  legal_middle_name text,
  legal_last_name text NOT NULL,
  preferred_name text,
  pronouns text,
  sex_at_birth text NOT NULL CHECK (sex_at_birth IN ('female', 'male', 'intersex', 'unknown', 'declined')),
  gender_identity text,
  date_of_birth date NOT NULL,
  phone text,
  phone_digits text,
  email text,
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  contact_preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
  language text NOT NULL DEFAULT 'en',
  interpreter_needed boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'waitlist', 'discharged')),
  -- Lower-cased, accent-stripped legal and preferred names, for partial search.
  search_name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_search_name_trgm ON patients USING gin (search_name gin_trgm_ops);
CREATE INDEX patients_last_first_idx ON patients(legal_last_name, legal_first_name, id);
CREATE INDEX patients_dob_idx ON patients(date_of_birth);
CREATE INDEX patients_phone_idx ON patients(phone_digits);

CREATE TABLE patient_contacts (
  id uuid PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('emergency', 'guardian', 'legal_representative')),
  name text NOT NULL,
  relationship text NOT NULL,
  phone text,
  email text,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX patient_contacts_patient_idx ON patient_contacts(patient_id);

CREATE TABLE care_team (
  patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('primary_therapist', 'therapist', 'prescriber', 'case_manager', 'other')),
  since date NOT NULL DEFAULT CURRENT_DATE,
  PRIMARY KEY (patient_id, user_id)
);
CREATE INDEX care_team_user_idx ON care_team(user_id, patient_id);

CREATE TABLE coverages (
  id uuid PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  payer_id uuid NOT NULL REFERENCES payers(id),
  priority integer NOT NULL CHECK (priority BETWEEN 1 AND 3),
  member_id text NOT NULL,
  group_number text,
  plan_name text,
  relationship text NOT NULL CHECK (relationship IN ('self', 'spouse', 'child', 'other')),
  subscriber jsonb,
  start_date date,
  end_date date,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX coverages_patient_idx ON coverages(patient_id);
