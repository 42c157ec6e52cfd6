-- Repair: the accountability statement (in versions, each in parts) and the partner's
-- questions with his answers. Every word column holds text sealed by the application
-- (AES-256-GCM, bound to table, row and owner); only ids, dates and states are in the clear.
CREATE TABLE statement (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX statement_owner_ix ON statement (owner_id);

-- Every save is a version; versions are never changed. Sharing one is a one-way act: the
-- share dates are set once and never cleared.
CREATE TABLE statement_version (
	id UUID NOT NULL PRIMARY KEY,
	statement_id UUID NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
	number INT NOT NULL,
	saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
	shared_with_partner_at TIMESTAMP WITH TIME ZONE,
	shared_with_therapist_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX statement_version_ux ON statement_version (statement_id, number);

CREATE TABLE statement_part (
	version_id UUID NOT NULL REFERENCES statement_version (id) ON DELETE CASCADE,
	part VARCHAR(20) NOT NULL,
	words VARCHAR(20000) NOT NULL,
	PRIMARY KEY (version_id, part)
);

-- The partner's response to a version he shared, in their own words.
CREATE TABLE statement_response (
	id UUID NOT NULL PRIMARY KEY,
	version_id UUID NOT NULL REFERENCES statement_version (id) ON DELETE CASCADE,
	author_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	words VARCHAR(20000) NOT NULL,
	responded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX statement_response_ix ON statement_response (version_id, responded_at);

-- A question the partner asked the client. Only the partner can delete it.
CREATE TABLE partner_question (
	id UUID NOT NULL PRIMARY KEY,
	partner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	words VARCHAR(20000) NOT NULL,
	importance VARCHAR(10),
	status VARCHAR(12) NOT NULL,
	needs_time_until DATE,
	asked_at TIMESTAMP WITH TIME ZONE NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX partner_question_client_ix ON partner_question (client_id, asked_at);
CREATE INDEX partner_question_partner_ix ON partner_question (partner_id, asked_at);

-- What happened to a question, in order: his answers and corrections, his "needs time",
-- her "I need more". Append-only: an answer, once given, stays on record.
CREATE TABLE question_entry (
	id UUID NOT NULL PRIMARY KEY,
	question_id UUID NOT NULL REFERENCES partner_question (id) ON DELETE CASCADE,
	kind VARCHAR(12) NOT NULL,
	author_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	words VARCHAR(20000),
	until_date DATE,
	written_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX question_entry_ix ON question_entry (question_id, written_at);
