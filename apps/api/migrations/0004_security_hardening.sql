-- A TOTP code is accepted once: remember the last time step used per account.
ALTER TABLE users ADD COLUMN mfa_last_step bigint;

-- TRUNCATE bypasses row triggers; refuse it on the audit trail too.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
