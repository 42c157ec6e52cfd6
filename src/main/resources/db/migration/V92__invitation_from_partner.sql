-- A partner who started on her own invites him: single-use, expiring links, one working link
-- per inviting partner; only a hash of the token is kept. Accepting makes the same couple
-- link as his invitation to her.
CREATE TABLE partner_sent_invitation (
	token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
	partner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	purpose VARCHAR(20) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_sent_invitation_partner_ix ON partner_sent_invitation (partner_id);

-- A question she keeps for later is addressed to no one until she sends it: no client yet.
ALTER TABLE partner_question ALTER COLUMN client_id DROP NOT NULL;
