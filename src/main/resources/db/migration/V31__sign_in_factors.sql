-- Second factors. An authenticator app's secret is sealed by the application (shared.Encryption);
-- last_step keeps a code from being used twice.
CREATE TABLE totp_enrolment (
	account_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	secret VARCHAR(1000) NOT NULL,
	confirmed_at TIMESTAMP WITH TIME ZONE,
	last_step BIGINT NOT NULL DEFAULT 0,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Single-use recovery codes; only a SHA-256 of each is kept.
CREATE TABLE recovery_code (
	account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	code_hash VARCHAR(64) NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (account_id, code_hash)
);

-- Wrong authenticator codes, counted in the database so every node throttles the same guesser.
CREATE TABLE totp_failure (
	account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX totp_failure_account_ix ON totp_failure (account_id, failed_at);

-- Passkeys: the tables Spring Security's JDBC WebAuthn stores read and write. A row holds a
-- public key and no secret. user_entities.name is the account's email (what sign-in loads).
CREATE TABLE user_entities (
	id VARCHAR(1000) NOT NULL PRIMARY KEY,
	name VARCHAR(320) NOT NULL,
	display_name VARCHAR(200)
);
CREATE UNIQUE INDEX user_entities_name_ux ON user_entities (name);

CREATE TABLE user_credentials (
	credential_id VARCHAR(1000) NOT NULL PRIMARY KEY,
	user_entity_user_id VARCHAR(1000) NOT NULL,
	public_key BYTEA NOT NULL,
	signature_count BIGINT,
	uv_initialized BOOLEAN,
	backup_eligible BOOLEAN NOT NULL,
	authenticator_transports VARCHAR(1000),
	public_key_credential_type VARCHAR(100),
	backup_state BOOLEAN NOT NULL,
	attestation_object BYTEA,
	attestation_client_data_json BYTEA,
	created TIMESTAMP,
	last_used TIMESTAMP,
	label VARCHAR(1000) NOT NULL
);
CREATE INDEX user_credentials_user_ix ON user_credentials (user_entity_user_id);
