-- Every table of single-use link tokens is read and written alike (SingleUseTokens): each
-- row names its purpose, which a token must match to work, and when it was issued. The
-- rows already there keep working: their purpose is the only one their table had so far.
ALTER TABLE password_token ADD COLUMN created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE password_token ALTER COLUMN created_at DROP DEFAULT;

ALTER TABLE client_invitation ADD COLUMN purpose VARCHAR(20) DEFAULT 'CLIENT_INVITATION' NOT NULL;
ALTER TABLE client_invitation ALTER COLUMN purpose DROP DEFAULT;
ALTER TABLE client_invitation ADD COLUMN created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE client_invitation ALTER COLUMN created_at DROP DEFAULT;

ALTER TABLE partner_invitation ADD COLUMN purpose VARCHAR(20) DEFAULT 'PARTNER_INVITATION' NOT NULL;
ALTER TABLE partner_invitation ALTER COLUMN purpose DROP DEFAULT;

ALTER TABLE sign_up_request ADD COLUMN purpose VARCHAR(20) DEFAULT 'SIGN_UP' NOT NULL;
ALTER TABLE sign_up_request ALTER COLUMN purpose DROP DEFAULT;
ALTER TABLE sign_up_request ADD COLUMN created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE sign_up_request ALTER COLUMN created_at DROP DEFAULT;

-- A sign-up link opens its own request, named by an id. A waiting request takes the first
-- half of its token's hash as its id, which is no secret: the hash sits in the same row.
ALTER TABLE sign_up_request ADD COLUMN id UUID;
UPDATE sign_up_request SET id = CAST(SUBSTRING(token_hash, 1, 8) || '-' || SUBSTRING(token_hash, 9, 4) || '-'
	|| SUBSTRING(token_hash, 13, 4) || '-' || SUBSTRING(token_hash, 17, 4) || '-' || SUBSTRING(token_hash, 21, 12)
	AS UUID);
ALTER TABLE sign_up_request ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX sign_up_request_id_ix ON sign_up_request (id);
