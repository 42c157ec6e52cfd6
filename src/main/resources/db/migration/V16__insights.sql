-- Weekly figures kept for the progress page, so that it reads a few rows per week however
-- long the history. Only completed weeks are kept; a change in a source module (an event)
-- drops that person's rows of that source, and they are computed again on the next view.
-- Figures only: counts and sums, never words.
CREATE TABLE insight_week (
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	week_start DATE NOT NULL,
	source VARCHAR(20) NOT NULL,
	metric VARCHAR(40) NOT NULL,
	amount INTEGER NOT NULL,
	PRIMARY KEY (owner_id, source, week_start, metric)
);

-- A stuck signal he set aside: it stays out of sight until the date, then may show again.
CREATE TABLE insight_dismissal (
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	signal VARCHAR(40) NOT NULL,
	until_date DATE NOT NULL,
	PRIMARY KEY (owner_id, signal)
);
