-- When and why a group program ended: a fact of the group itself (its series may have ended, or
-- been continued as a new one, for other reasons).
ALTER TABLE groups
  ADD COLUMN ended_on date,
  ADD COLUMN end_reason text;
