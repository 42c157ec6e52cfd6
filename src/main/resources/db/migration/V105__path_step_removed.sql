-- A step of the partner's path the admin removes is marked removed, never deleted: its key
-- stays taken, so the shipped file of the same key does not bring it back at the next
-- start, and the answers partners gave to it (journal entries naming the key) stay in
-- their journals and never attach to another step.
ALTER TABLE path_step ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
