-- Commitments: small, checkable promises and what happened on each due date. Free text
-- (the wording, why it matters, notes) is sealed by the application (AES-256-GCM, bound to
-- table, row and owner) before it reaches these columns.
CREATE TABLE commitment (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	title VARCHAR(2000) NOT NULL,
	why VARCHAR(8000),
	recurrence VARCHAR(10) NOT NULL,
	weekdays VARCHAR(20),
	once_date DATE,
	due_time TIME,
	start_date DATE NOT NULL,
	end_date DATE,
	status VARCHAR(10) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX commitment_owner_ix ON commitment (owner_id);

-- Earlier wording, kept when he rewrites a commitment.
CREATE TABLE commitment_wording (
	commitment_id UUID NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	old_title VARCHAR(2000) NOT NULL
);
CREATE INDEX commitment_wording_ix ON commitment_wording (commitment_id, changed_at);

-- Pauses: no date from paused_on up to (not including) resumed_on is due.
CREATE TABLE commitment_pause (
	commitment_id UUID NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
	paused_on DATE NOT NULL,
	resumed_on DATE,
	PRIMARY KEY (commitment_id, paused_on)
);

CREATE TABLE commitment_occurrence (
	commitment_id UUID NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
	due_date DATE NOT NULL,
	outcome VARCHAR(10) NOT NULL,
	note VARCHAR(4000),
	what_got_in_the_way VARCHAR(4000),
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (commitment_id, due_date)
);
