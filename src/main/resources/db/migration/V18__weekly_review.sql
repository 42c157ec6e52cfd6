-- His weekly review: one line on what he learned, per week, sealed by the application; and
-- the day of the week he wants to be asked for it.
CREATE TABLE weekly_review (
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	week_start DATE NOT NULL,
	learned VARCHAR(2000) NOT NULL,
	in_report BOOLEAN NOT NULL,
	written_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (owner_id, week_start)
);

CREATE TABLE weekly_review_day (
	owner_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	day_of_week INT NOT NULL
);
