-- How sure the risk check was about an alert: CLEAR or POSSIBLE. Every alert raised before
-- this came from a rule or from PHQ-9 question 9, both clear.
ALTER TABLE care_alert ADD COLUMN confidence VARCHAR(10) DEFAULT 'CLEAR' NOT NULL;
