-- Who a sign-up is for: the person doing the work (a client account) or the partner who
-- was hurt, starting alone (a partner account with no link yet). Requests already waiting
-- were all for clients.
ALTER TABLE sign_up_request ADD COLUMN role VARCHAR(20) DEFAULT 'CLIENT' NOT NULL;
