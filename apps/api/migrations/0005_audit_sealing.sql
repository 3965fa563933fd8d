-- Audit events are written without a lock and chained ("sealed") moments later by one sealer.
-- Each event row still commits in the transaction of the change it records; the sealer assigns
-- the gap-free chain position (seq), prev_hash and hash in arrival order. Concurrent requests no
-- longer queue on a single lock (see docs/decisions/0002-audit-hash-chain.md).
ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_id_key;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);
ALTER TABLE audit_events ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_events ALTER COLUMN hash DROP NOT NULL;
CREATE UNIQUE INDEX audit_events_seq_key ON audit_events(seq);

CREATE SEQUENCE audit_events_arrival_seq;
ALTER TABLE audit_events ADD COLUMN arrival bigint;
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
UPDATE audit_events SET arrival = seq;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;
SELECT setval('audit_events_arrival_seq', COALESCE((SELECT max(seq) FROM audit_events), 0) + 1, false);
ALTER TABLE audit_events ALTER COLUMN arrival SET DEFAULT nextval('audit_events_arrival_seq');
ALTER TABLE audit_events ALTER COLUMN arrival SET NOT NULL;
ALTER SEQUENCE audit_events_arrival_seq OWNED BY audit_events.arrival;
CREATE INDEX audit_events_unsealed_idx ON audit_events(arrival) WHERE seq IS NULL;

-- The only change ever allowed: sealing an unsealed row, touching nothing but its chain fields.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (NEW.id, NEW.arrival, NEW.at, NEW.actor_id, NEW.actor_kind, NEW.actor_role, NEW.patient_id, NEW.action,
          NEW.resource_type, NEW.resource_id, NEW.client_ip, NEW.outcome, NEW.detail)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.arrival, OLD.at, OLD.actor_id, OLD.actor_kind, OLD.actor_role, OLD.patient_id, OLD.action,
          OLD.resource_type, OLD.resource_id, OLD.client_ip, OLD.outcome, OLD.detail) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
