CREATE TABLE share_grant (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	grantee_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	category VARCHAR(30) NOT NULL,
	kind VARCHAR(20) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE,
	paused BOOLEAN NOT NULL,
	revoked_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL
);
CREATE INDEX share_grant_lookup_ix ON share_grant (owner_id, grantee_id, category);
CREATE INDEX share_grant_grantee_ix ON share_grant (grantee_id);
