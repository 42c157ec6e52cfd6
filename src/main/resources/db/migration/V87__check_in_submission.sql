-- The id the browser gave a check-in form (a UUID made by its script), so a check-in sent
-- again, such as one kept offline and sent when the connection returned, is saved once.
ALTER TABLE check_in ADD COLUMN submission_id UUID;
CREATE UNIQUE INDEX check_in_submission_ux ON check_in (owner_id, submission_id);
