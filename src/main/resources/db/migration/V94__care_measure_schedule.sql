-- A questionnaire a therapist asks his client to repeat every few weeks. Round n falls due
-- n periods after it was set up; each round is claimed once (care_measure_round), so it is
-- sent once whichever node runs the job and however often.
CREATE TABLE care_measure_schedule (
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	instrument VARCHAR(10) NOT NULL,
	therapist_id UUID NOT NULL REFERENCES account (id),
	every_weeks INT NOT NULL,
	starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (client_id, instrument)
);

CREATE TABLE care_measure_round (
	client_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	instrument VARCHAR(10) NOT NULL,
	starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
	round_number INT NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (client_id, instrument, starts_at, round_number)
);
