-- Secure messages between a client and his therapist: one thread per client and therapist
-- (a handover starts a new one). The words are sealed by the application (AES-256-GCM,
-- bound to table, row and the client) before they reach care_message.body.
CREATE TABLE care_message_thread (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	therapist_id UUID NOT NULL REFERENCES account (id),
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT care_message_thread_pair_ux UNIQUE (client_id, therapist_id)
);
CREATE INDEX care_message_thread_therapist_ix ON care_message_thread (therapist_id);

CREATE TABLE care_message (
	id UUID NOT NULL PRIMARY KEY,
	thread_id UUID NOT NULL REFERENCES care_message_thread (id) ON DELETE CASCADE,
	author_id UUID NOT NULL,
	body VARCHAR(20000) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	read_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX care_message_thread_ix ON care_message (thread_id, sent_at);

-- What a therapist tells his clients before they write: when he reads messages, and within
-- how many working days he answers. Not clinical; his own words about his week.
CREATE TABLE care_office_hours (
	therapist_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	hours VARCHAR(400),
	reply_days INT NOT NULL
);
