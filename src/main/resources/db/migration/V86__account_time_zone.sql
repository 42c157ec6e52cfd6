-- A person's time zone is part of the person: every date, week boundary and reminder he sees
-- is counted in it. It moves from his commitment reminder settings to his account; those who
-- never chose one get the practice's zone (the Flyway placeholder practice_zone, from
-- steadfast.practice.zone).
ALTER TABLE account ADD COLUMN zone VARCHAR(64) DEFAULT '${practice_zone}' NOT NULL;
UPDATE account SET zone = (SELECT s.zone FROM commitment_settings s WHERE s.owner_id = account.id)
	WHERE EXISTS (SELECT 1 FROM commitment_settings s WHERE s.owner_id = account.id);
ALTER TABLE commitment_settings DROP COLUMN zone;

-- A sign-up keeps the zone his browser named until the emailed link makes the account; a
-- request waiting from before has none, and its account gets the practice's zone.
ALTER TABLE sign_up_request ADD COLUMN zone VARCHAR(64);
