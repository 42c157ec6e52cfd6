-- Emotion check-ins. Free text (what set it off, what he did) is sealed by the application
-- (AES-256-GCM, bound to table, row and owner) before it reaches these columns.
CREATE TABLE check_in (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	intensity INT,
	body_location VARCHAR(20) NOT NULL,
	trigger_text VARCHAR(4000),
	response VARCHAR(30),
	response_text VARCHAR(4000),
	in_the_moment BOOLEAN NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL
);
CREATE INDEX check_in_owner_time_ix ON check_in (owner_id, occurred_at);

CREATE TABLE check_in_word (
	check_in UUID NOT NULL REFERENCES check_in (id) ON DELETE CASCADE,
	check_in_key INT NOT NULL,
	word VARCHAR(40) NOT NULL,
	PRIMARY KEY (check_in, check_in_key)
);

-- Reflection journal; the body is sealed by the application like check-in notes.
CREATE TABLE journal_entry (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	prompt VARCHAR(30),
	body VARCHAR(40000) NOT NULL,
	written_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL
);
CREATE INDEX journal_entry_owner_ix ON journal_entry (owner_id, written_at);
