-- Sign-up and password-reset requests are counted like failed sign-ins, each kind apart, so
-- neither can be used to find out at speed which addresses have an account.
ALTER TABLE sign_in_failure ADD COLUMN kind VARCHAR(20) DEFAULT 'SIGN_IN' NOT NULL;
DROP INDEX sign_in_failure_email_ix;
DROP INDEX sign_in_failure_address_ix;
CREATE INDEX sign_in_failure_email_ix ON sign_in_failure (kind, email, failed_at);
CREATE INDEX sign_in_failure_address_ix ON sign_in_failure (kind, address, failed_at);

-- A sign-up waits here until the owner of the address follows the emailed link: the answer
-- to the form is the same whether or not the address already has an account. Only the
-- SHA-256 of the link's token and the password's hash are kept.
CREATE TABLE sign_up_request (
	token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
	email VARCHAR(254) NOT NULL,
	display_name VARCHAR(80) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_up_request_email_ix ON sign_up_request (email);
CREATE INDEX sign_up_request_expires_ix ON sign_up_request (expires_at);
