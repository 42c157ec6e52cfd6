-- A question or request the partner wrote during her safety pause: kept, never shown to him,
-- until the pause ends; then it is sent as if written at that moment.
ALTER TABLE partner_question ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE partner_request ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
