-- When to remind him of a commitment (a local time in his zone), and the partner's request it
-- answers, if any (an id in the couple module; no foreign key across modules).
ALTER TABLE commitment ADD COLUMN remind_at TIME;
ALTER TABLE commitment ADD COLUMN from_request UUID;

-- His reminder settings. No row means: reminders on for commitments with a reminder time, no
-- daily digest, no titles in emails, the practice's time zone.
CREATE TABLE commitment_settings (
	owner_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	reminders BOOLEAN NOT NULL,
	digest BOOLEAN NOT NULL,
	digest_at TIME NOT NULL,
	titles_in_email BOOLEAN NOT NULL,
	zone VARCHAR(64) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per reminder sent, written before the email under a primary key, so that with several
-- nodes a due reminder goes out exactly once.
CREATE TABLE commitment_reminder_sent (
	commitment_id UUID NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
	due_date DATE NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (commitment_id, due_date)
);

CREATE TABLE commitment_digest_sent (
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	local_date DATE NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (owner_id, local_date)
);
CREATE INDEX commitment_remind_ix ON commitment (status, remind_at);
