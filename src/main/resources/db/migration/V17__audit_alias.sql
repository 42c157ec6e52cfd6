-- The audit log names people by an alias, never by their account id. When an account is
-- deleted its alias row goes, and the audit rows keep only an opaque id that points at no
-- one; the hash chain stays whole because the rows themselves never change.
CREATE TABLE audit_alias (
	account_id UUID NOT NULL PRIMARY KEY,
	alias UUID NOT NULL UNIQUE
);
-- Rows written before aliases existed name accounts by their id: those accounts keep their
-- id as their alias, so their history still reads back.
INSERT INTO audit_alias (account_id, alias)
SELECT DISTINCT ids.id, ids.id FROM (
	SELECT actor_id AS id FROM audit_event WHERE actor_id IS NOT NULL
	UNION SELECT subject_id AS id FROM audit_event WHERE subject_id IS NOT NULL
) ids;
