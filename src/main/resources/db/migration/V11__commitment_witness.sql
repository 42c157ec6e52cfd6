-- What the partner saw of a due date: she may confirm it or say she saw it differently. Her view
-- stands beside his record and never overwrites it. Her note is sealed by the application.
CREATE TABLE commitment_witness (
	commitment_id UUID NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
	due_date DATE NOT NULL,
	witness_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	seen VARCHAR(20) NOT NULL,
	note VARCHAR(4000),
	seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (commitment_id, due_date, witness_id)
);
