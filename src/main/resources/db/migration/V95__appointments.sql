-- A therapist's bookable week: weekly hours (local times in his own zone, kept on his
-- account), days off (holidays, a date range), his own video room address and whether he
-- takes free consultations. Not clinical.
CREATE TABLE therapist_hours (
	therapist_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	day_of_week INT NOT NULL,
	starts TIME NOT NULL,
	ends TIME NOT NULL,
	PRIMARY KEY (therapist_id, day_of_week, starts)
);

CREATE TABLE therapist_time_off (
	id UUID NOT NULL PRIMARY KEY,
	therapist_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	first_day DATE NOT NULL,
	last_day DATE NOT NULL
);
CREATE INDEX therapist_time_off_ix ON therapist_time_off (therapist_id, first_day);

-- One row per therapist who keeps hours. Bookings of a therapist lock his row (SELECT ...
-- FOR UPDATE) before they look for a clash, so two bookings of him, on any node, take turns.
CREATE TABLE therapist_room (
	therapist_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	video_url VARCHAR(300),
	takes_consultations BOOLEAN NOT NULL
);

-- A session or a free consultation in a therapist's calendar. held_start is starts_at while
-- the appointment is booked and NULL once cancelled: the unique index then refuses a second
-- booked appointment of one therapist at one moment whatever the application does.
CREATE TABLE appointment (
	id UUID NOT NULL PRIMARY KEY,
	therapist_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	client_id UUID REFERENCES account (id) ON DELETE CASCADE,
	consultation_id UUID REFERENCES consultation (id) ON DELETE CASCADE,
	kind VARCHAR(20) NOT NULL,
	status VARCHAR(20) NOT NULL,
	starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
	ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
	held_start TIMESTAMP WITH TIME ZONE,
	sequence_number INT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX appointment_held_ux ON appointment (therapist_id, held_start);
CREATE INDEX appointment_therapist_ix ON appointment (therapist_id, starts_at);
CREATE INDEX appointment_client_ix ON appointment (client_id, starts_at);
CREATE INDEX appointment_starts_ix ON appointment (status, starts_at);

-- Each reminder is claimed once per person and time (shared ExactlyOnce), so it goes out
-- once whichever node runs the job and however often.
CREATE TABLE appointment_reminder (
	appointment_id UUID NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
	starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
	reminder VARCHAR(10) NOT NULL,
	recipient VARCHAR(10) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (appointment_id, starts_at, reminder, recipient)
);
