-- Commitments are changed as whole aggregates (Spring Data JDBC): the version makes a change
-- based on a stale read fail instead of overwriting the change made in between.
ALTER TABLE commitment ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
