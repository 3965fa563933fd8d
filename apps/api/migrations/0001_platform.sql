-- Platform: practice, staff, roles and permissions, sessions, tokens, jobs, rate limits, audit.
-- Written for PostgreSQL 15 (production) and PGlite (PostgreSQL 18, embedded).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE practice (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  npi text,
  tax_id text,
  phone text,
  email text,
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  billing_address jsonb,
  time_zone text NOT NULL DEFAULT 'America/New_York',
  require_mfa_for_all boolean NOT NULL DEFAULT false,
  session_idle_minutes integer CHECK (session_idle_minutes BETWEEN 1 AND 1440),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  phone text,
  time_zone text NOT NULL,
  place_of_service text NOT NULL DEFAULT '11',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rooms (
  id uuid PRIMARY KEY,
  location_id uuid NOT NULL REFERENCES locations(id),
  name text NOT NULL,
  capacity integer NOT NULL DEFAULT 1 CHECK (capacity > 0),
  active boolean NOT NULL DEFAULT true,
  UNIQUE (location_id, name)
);

-- Permissions are data: a role is a named set of permission keys.
CREATE TABLE roles (
  key text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  clinical boolean NOT NULL DEFAULT false,
  requires_mfa boolean NOT NULL DEFAULT false
);
CREATE TABLE permissions (
  key text PRIMARY KEY,
  description text NOT NULL
);
CREATE TABLE role_permissions (
  role_key text NOT NULL REFERENCES roles(key),
  permission_key text NOT NULL REFERENCES permissions(key),
  PRIMARY KEY (role_key, permission_key)
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  kind text NOT NULL DEFAULT 'staff' CHECK (kind IN ('staff', 'service')),
  email text,
  email_lower text UNIQUE,
  password_hash text,
  first_name text NOT NULL,
  last_name text NOT NULL,
  credentials text,
  license_type text,
  license_number text,
  license_state text,
  npi text,
  taxonomy_code text,
  supervisor_id uuid REFERENCES users(id),
  active boolean NOT NULL DEFAULT true,
  mfa_enabled boolean NOT NULL DEFAULT false,
  mfa_secret text,
  mfa_pending_secret text,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'service' OR email IS NOT NULL)
);
CREATE INDEX users_supervisor_idx ON users(supervisor_id);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users(id),
  role_key text NOT NULL REFERENCES roles(key),
  PRIMARY KEY (user_id, role_key)
);

CREATE TABLE mfa_recovery_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX mfa_recovery_codes_user_idx ON mfa_recovery_codes(user_id);

-- Sessions live in the database so any API process can serve any request.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id),
  stage text NOT NULL CHECK (stage IN ('mfa', 'mfa_enroll', 'full')),
  csrf_token text NOT NULL,
  idle_minutes integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX sessions_user_idx ON sessions(user_id);
CREATE INDEX sessions_active_idx ON sessions(expires_at) WHERE revoked_at IS NULL;

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE password_reset_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Fixed-window counters shared by every API process (sign-in and reset throttling).
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count integer NOT NULL
);

-- Transactional outbox: a job row commits with the change that caused it.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs(run_at) WHERE status IN ('pending', 'running');

-- Append-only, hash-chained audit trail. seq is gap-free (assigned under an advisory lock),
-- hash = sha256(prev_hash || canonical row), so editing or deleting any row breaks the chain.
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_kind text NOT NULL,
  actor_role text,
  patient_id uuid,
  action text NOT NULL,
  resource_type text,
  resource_id text,
  client_ip text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_at_idx ON audit_events(at);
CREATE INDEX audit_events_patient_idx ON audit_events(patient_id, at);
CREATE INDEX audit_events_actor_idx ON audit_events(actor_id, at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
