-- The check-in he made around a talk, if he links one: an id in the check-ins module, no
-- foreign key across modules (a deleted check-in leaves a link that simply shows nothing).
ALTER TABLE conversation_log ADD COLUMN check_in_id UUID;
