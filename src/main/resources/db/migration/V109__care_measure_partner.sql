-- The CSI-4 can go to a client's linked partner too, where she agrees: her copy is hers
-- (client_id is her account, the answers sealed to her), about_client_id names the client
-- whose therapist asked, so that therapist sees it beside his; declined_at marks a copy she
-- chose not to answer. Her copy stays hers if he deletes his account.
ALTER TABLE care_measure ADD COLUMN about_client_id UUID;
ALTER TABLE care_measure ADD COLUMN declined_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE care_measure ADD CONSTRAINT care_measure_about_client_fk FOREIGN KEY (about_client_id)
	REFERENCES account (id) ON DELETE SET NULL;
CREATE INDEX care_measure_about_client_ix ON care_measure (about_client_id, therapist_id);
