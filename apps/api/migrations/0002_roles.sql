-- The built-in roles and what each may do. Practices may change role_permissions; the
-- server reads them from here, never from code.
INSERT INTO permissions(key, description) VALUES
  ('patients.read', 'See demographics of patients on one''s caseload'),
  ('patients.read_all', 'See demographics of every patient (front desk, billing, admin)'),
  ('patients.write', 'Create patients and edit demographics, contacts, coverage'),
  ('clinical.read', 'Read clinical content of patients on one''s caseload'),
  ('clinical.write', 'Write clinical content for patients on one''s caseload'),
  ('clinical.cosign', 'Co-sign the notes of supervisees'),
  ('prescribe', 'Prescribe medications'),
  ('scheduling.read', 'See appointments'),
  ('scheduling.write', 'Book and change appointments'),
  ('billing.read', 'See charges, claims and balances'),
  ('billing.write', 'Create and change charges, claims and payments'),
  ('practice.manage', 'Change practice settings, locations and rooms'),
  ('staff.read', 'See the staff directory'),
  ('staff.manage', 'Create and change staff accounts and their roles'),
  ('sessions.manage', 'See and revoke anyone''s sign-in sessions'),
  ('api_tokens.manage', 'Create and revoke API tokens for service accounts'),
  ('audit.read', 'Read and export the audit trail');

INSERT INTO roles(key, name, description, clinical, requires_mfa) VALUES
  ('admin', 'Practice admin', 'Runs the practice: settings, staff, security, audit', false, true),
  ('prescriber', 'Prescriber', 'Psychiatrist, nurse practitioner or physician assistant', true, true),
  ('therapist', 'Licensed therapist', 'Independently licensed clinician', true, false),
  ('associate', 'Associate therapist', 'Pre-licensed clinician or intern working under a supervisor', true, false),
  ('supervisor', 'Clinical supervisor', 'Supervises associates and co-signs their notes', true, false),
  ('front_desk', 'Front desk', 'Scheduling, demographics, check-in; no clinical content', false, false),
  ('biller', 'Biller', 'Claims, payments and balances; no clinical content', false, false);

INSERT INTO role_permissions(role_key, permission_key) VALUES
  ('admin', 'patients.read'), ('admin', 'patients.read_all'), ('admin', 'patients.write'),
  ('admin', 'scheduling.read'), ('admin', 'billing.read'),
  ('admin', 'practice.manage'), ('admin', 'staff.read'), ('admin', 'staff.manage'),
  ('admin', 'sessions.manage'), ('admin', 'api_tokens.manage'), ('admin', 'audit.read'),
  ('prescriber', 'patients.read'), ('prescriber', 'patients.write'), ('prescriber', 'clinical.read'),
  ('prescriber', 'clinical.write'), ('prescriber', 'prescribe'), ('prescriber', 'scheduling.read'),
  ('prescriber', 'scheduling.write'), ('prescriber', 'staff.read'),
  ('therapist', 'patients.read'), ('therapist', 'patients.write'), ('therapist', 'clinical.read'),
  ('therapist', 'clinical.write'), ('therapist', 'scheduling.read'), ('therapist', 'scheduling.write'),
  ('therapist', 'staff.read'),
  ('associate', 'patients.read'), ('associate', 'patients.write'), ('associate', 'clinical.read'),
  ('associate', 'clinical.write'), ('associate', 'scheduling.read'), ('associate', 'scheduling.write'),
  ('associate', 'staff.read'),
  ('supervisor', 'patients.read'), ('supervisor', 'clinical.read'), ('supervisor', 'clinical.cosign'),
  ('supervisor', 'scheduling.read'), ('supervisor', 'staff.read'),
  ('front_desk', 'patients.read'), ('front_desk', 'patients.read_all'), ('front_desk', 'patients.write'),
  ('front_desk', 'scheduling.read'), ('front_desk', 'scheduling.write'), ('front_desk', 'staff.read'),
  ('biller', 'patients.read'), ('biller', 'patients.read_all'), ('biller', 'billing.read'),
  ('biller', 'billing.write'), ('biller', 'scheduling.read'), ('biller', 'staff.read');
