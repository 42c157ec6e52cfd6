-- The quiet signal for reassurance. Each person turns it on for themselves (no row: off);
-- each writes a short list (what helps her, what he can offer), sealed like other free text;
-- she sends him one-tap signals with no words, and each may say afterwards whether it helped.
CREATE TABLE reassurance_setting (
	account_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	turned_on BOOLEAN NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE reassurance_item (
	id UUID NOT NULL PRIMARY KEY,
	account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	words VARCHAR(2000) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reassurance_item_account_ix ON reassurance_item (account_id, created_at);

-- mailed: whether this signal was one he was emailed about (a few an hour at most; every
-- signal counts either way). seen_at: when he first opened the page it points to.
CREATE TABLE reassurance_signal (
	id UUID NOT NULL PRIMARY KEY,
	partner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	mailed BOOLEAN NOT NULL,
	seen_at TIMESTAMP WITH TIME ZONE,
	partner_helped VARCHAR(10),
	client_helped VARCHAR(10)
);
CREATE INDEX reassurance_signal_client_ix ON reassurance_signal (client_id, sent_at);
CREATE INDEX reassurance_signal_partner_ix ON reassurance_signal (partner_id, sent_at);
