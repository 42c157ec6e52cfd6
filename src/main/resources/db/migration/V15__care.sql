-- The therapist's side. Free text (session notes and plans, homework tasks, break-glass
-- reasons, measure answers) is sealed by the application (AES-256-GCM, bound to table, row
-- and owner) before it reaches these columns.

-- A therapist's own notes on a client's sessions; only the author (or the therapist a
-- client is handed over to by an admin) reads them. Every edit keeps the earlier text.
CREATE TABLE care_note (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	author_id UUID NOT NULL REFERENCES account (id),
	session_date DATE NOT NULL,
	body VARCHAR(100000) NOT NULL,
	plan VARCHAR(50000),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX care_note_client_ix ON care_note (client_id, session_date);

CREATE TABLE care_note_version (
	id UUID NOT NULL PRIMARY KEY,
	note_id UUID NOT NULL REFERENCES care_note (id) ON DELETE CASCADE,
	session_date DATE NOT NULL,
	body VARCHAR(100000) NOT NULL,
	plan VARCHAR(50000),
	replaced_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX care_note_version_ix ON care_note_version (note_id, replaced_at);

-- An admin handed a client's notes over to another therapist.
CREATE TABLE care_handover (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	admin_id UUID NOT NULL REFERENCES account (id),
	handed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX care_handover_ix ON care_handover (client_id, therapist_id);

-- The next session a therapist planned with a client.
CREATE TABLE care_session_plan (
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	next_session DATE,
	PRIMARY KEY (client_id, therapist_id)
);

-- Risk alerts: ids and kinds only, never the words that raised them.
CREATE TABLE care_alert (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	source VARCHAR(30) NOT NULL,
	record_id UUID NOT NULL,
	kinds VARCHAR(100) NOT NULL,
	raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
	acknowledged_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX care_alert_therapist_ix ON care_alert (therapist_id, acknowledged_at);
CREATE UNIQUE INDEX care_alert_once_ux ON care_alert (therapist_id, source, record_id);

-- Homework a therapist set: an article (by slug), an exercise (by code) or a task in words.
CREATE TABLE care_homework (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	kind VARCHAR(20) NOT NULL,
	article_slug VARCHAR(200),
	exercise VARCHAR(30),
	task VARCHAR(20000),
	due_date DATE NOT NULL,
	assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
	done_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX care_homework_client_ix ON care_homework (client_id, done_at);

-- Standard measures (PHQ-9, GAD-7) a therapist asked for and the client's answers.
CREATE TABLE care_measure (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	instrument VARCHAR(10) NOT NULL,
	assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
	completed_at TIMESTAMP WITH TIME ZONE,
	answers VARCHAR(2000),
	total INT
);
CREATE INDEX care_measure_client_ix ON care_measure (client_id, completed_at);

-- Emergency access an admin gave a therapist: always expiring, always shown to the client.
CREATE TABLE care_break_glass (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	admin_id UUID NOT NULL REFERENCES account (id),
	reason VARCHAR(10000) NOT NULL,
	categories VARCHAR(200) NOT NULL,
	granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX care_break_glass_client_ix ON care_break_glass (client_id);

-- Staff deactivation (the admin's staff page): a deactivated account cannot sign in and its
-- sessions are ended when it is deactivated. Kept on the account so the audit log and the
-- notes it wrote still name a person.
ALTER TABLE account ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;
