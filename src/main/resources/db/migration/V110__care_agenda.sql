-- One line a client writes for his next session, in his own words, for his therapist's
-- brief before it. Sealed by the application (bound to table, client); one per client,
-- replaced when he writes it again, gone when he clears it.
CREATE TABLE care_agenda (
	client_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	body VARCHAR(4000) NOT NULL,
	written_at TIMESTAMP WITH TIME ZONE NOT NULL
);
