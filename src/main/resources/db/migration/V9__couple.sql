-- A client and the partner he invited. Ending a link keeps the row (history) but it never links again.
CREATE TABLE couple_link (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	partner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
	ended_at TIMESTAMP WITH TIME ZONE,
	ended_by UUID
);
CREATE INDEX couple_link_client_ix ON couple_link (client_id, ended_at);
CREATE INDEX couple_link_partner_ix ON couple_link (partner_id, ended_at);

-- Single-use, expiring invitations; only a hash of the token is kept.
CREATE TABLE partner_invitation (
	token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_invitation_client_ix ON partner_invitation (client_id);

-- Each person's private intake. Answers are sealed by the application; only the fact that the
-- safety screen asks for a pause is kept in the clear, because the pause must be enforced.
CREATE TABLE couple_intake (
	account_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	answers VARCHAR(12000) NOT NULL,
	safety_pause BOOLEAN NOT NULL,
	answered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The weekly trust pulse: five items, 1 to 7, one row per person and week (weeks start on Monday).
-- Scores are numbers on a fixed scale, not free text; the optional note is sealed by the application.
CREATE TABLE trust_pulse (
	id UUID NOT NULL PRIMARY KEY,
	account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	week_start DATE NOT NULL,
	count_on INT NOT NULL,
	honest INT NOT NULL,
	safe INT NOT NULL,
	listened INT NOT NULL,
	hopeful INT NOT NULL,
	note VARCHAR(4000),
	shared BOOLEAN NOT NULL,
	answered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX trust_pulse_week_ux ON trust_pulse (account_id, week_start);

-- The weekday each person wants the pulse reminder on (1 = Monday ... 7 = Sunday).
CREATE TABLE pulse_day (
	account_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	day_of_week INT NOT NULL
);

-- What the partner asks of him, from the menu or in her own words (sealed by the application).
CREATE TABLE partner_request (
	id UUID NOT NULL PRIMARY KEY,
	partner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	menu_item VARCHAR(40),
	own_words VARCHAR(4000),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	withdrawn_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_request_client_ix ON partner_request (client_id, created_at);

-- His transparency offer: what he offers to share and until when ("until we review it" when open-ended).
CREATE TABLE transparency_offer (
	id UUID NOT NULL PRIMARY KEY,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	offer VARCHAR(8000) NOT NULL,
	until_date DATE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	ended_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX transparency_offer_client_ix ON transparency_offer (client_id, ended_at);

-- Which weekly pulse reminders went out: the primary key makes a second send of the same week
-- impossible, whichever node tries.
CREATE TABLE pulse_reminder_sent (
	account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	week_start DATE NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (account_id, week_start)
);
