-- The audit chain is keyed from here on: each new row carries an HMAC-SHA256 made with a key
-- derived from the deployment's keyset (configuration, never this database), and key_id names
-- that key. Rows already written keep their plain SHA-256 and no key_id, and verify the old way;
-- legacy_until is the last of them. A row after it without a key, or a legacy_until moved
-- forward, is tampering: the anchors kept outside the database record the same value.
ALTER TABLE audit_event ADD COLUMN key_id INTEGER;
ALTER TABLE audit_head ADD COLUMN legacy_until BIGINT DEFAULT 0 NOT NULL;
UPDATE audit_head SET legacy_until = last_seq;

-- One alarm email per break, whichever node's check finds it first.
CREATE TABLE audit_alarm (
	fingerprint VARCHAR(200) NOT NULL PRIMARY KEY,
	raised_at TIMESTAMP WITH TIME ZONE NOT NULL
);
