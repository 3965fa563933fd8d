-- Reminders and confirmations (issue #3, section 4).

-- A reminder is for one start time: when an appointment moves, the reminders of its old time no
-- longer count and new ones go out for the new time. The key below lets several API processes run
-- the dispatcher at once: only the process whose INSERT wins queues the message.
ALTER TABLE reminders ADD COLUMN for_starts_at timestamptz;
UPDATE reminders r SET for_starts_at = a.starts_at FROM appointments a WHERE a.id = r.appointment_id;
ALTER TABLE reminders ALTER COLUMN for_starts_at SET NOT NULL;
ALTER TABLE reminders DROP CONSTRAINT reminders_appointment_id_patient_id_rule_id_key;
ALTER TABLE reminders ADD CONSTRAINT reminders_once UNIQUE (appointment_id, patient_id, rule_id, for_starts_at);
-- The outbox job delivering it, so a job that gave up marks its reminder failed.
ALTER TABLE reminders ADD COLUMN job_id uuid;
ALTER TABLE reminders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX reminders_pending_job_idx ON reminders(job_id) WHERE status = 'pending';
-- A rule can be deleted; the reminders it produced stay as history (their channel is kept).
ALTER TABLE reminders DROP CONSTRAINT reminders_rule_id_fkey;
ALTER TABLE reminders ADD CONSTRAINT reminders_rule_id_fkey FOREIGN KEY (rule_id) REFERENCES reminder_rules(id) ON DELETE SET NULL;

-- The dispatcher looks for upcoming appointments that hold their slot, every minute.
CREATE INDEX appointments_upcoming_idx ON appointments(starts_at) WHERE status IN ('scheduled', 'confirmed');

ALTER TABLE appointment_links ADD COLUMN reminder_id uuid REFERENCES reminders(id);
CREATE INDEX appointment_links_appointment_idx ON appointment_links(appointment_id);

CREATE INDEX sms_sandbox_messages_created_idx ON sms_sandbox_messages(created_at);

-- Server-generated secrets shared by every API process (for example the key that signs
-- confirm/cancel links when HEARTH_LINK_SECRET is not set). Created on first use.
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
