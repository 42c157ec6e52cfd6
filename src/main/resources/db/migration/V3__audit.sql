-- Append-only, hash-chained. The application never updates or deletes a row.
CREATE TABLE audit_event (
	seq BIGINT NOT NULL PRIMARY KEY,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	action VARCHAR(40) NOT NULL,
	actor_id UUID,
	subject_id UUID,
	category VARCHAR(40),
	record_ref VARCHAR(80),
	reason VARCHAR(40),
	address VARCHAR(64),
	prev_hash VARCHAR(64) NOT NULL,
	hash VARCHAR(64) NOT NULL
);
CREATE INDEX audit_event_subject_ix ON audit_event (subject_id, seq);
CREATE INDEX audit_event_actor_ix ON audit_event (actor_id, seq);

-- The head of the chain: locked while a row is appended so every node extends the same chain.
CREATE TABLE audit_head (
	id INT NOT NULL PRIMARY KEY,
	last_seq BIGINT NOT NULL,
	last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
