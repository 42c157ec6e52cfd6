-- When someone last did something (the caseload's "last signed in"): one index entry per
-- person, however many rows the log holds about them.
CREATE INDEX audit_event_subject_action_ix ON audit_event (subject_id, action, occurred_at);
