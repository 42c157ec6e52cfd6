-- Hard conversations: his own topic tags, plans made before a talk, the log written after it,
-- his copies of the phrase cards, his breathing preference, and his partner's view of a talk.
-- Every free text column (topic names included: they are his words) is sealed by the
-- application (AES-256-GCM, bound to table, row and owner) before it reaches the database.
CREATE TABLE conversation_topic (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	name VARCHAR(1000) NOT NULL,
	-- Set when he merged this topic into another: from then on both count as that one.
	merged_into UUID REFERENCES conversation_topic (id),
	merged_at TIMESTAMP WITH TIME ZONE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_topic_owner_ix ON conversation_topic (owner_id);

-- Earlier names, kept when he renames a topic.
CREATE TABLE conversation_topic_name (
	topic_id UUID NOT NULL REFERENCES conversation_topic (id) ON DELETE CASCADE,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	old_name VARCHAR(1000) NOT NULL
);
CREATE INDEX conversation_topic_name_ix ON conversation_topic_name (topic_id, changed_at);

CREATE TABLE conversation_plan (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	topic_id UUID NOT NULL REFERENCES conversation_topic (id),
	about VARCHAR(8000) NOT NULL,
	may_need VARCHAR(8000),
	wont_say VARCHAR(200),
	wont_say_other VARCHAR(8000),
	validation VARCHAR(8000) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_plan_owner_ix ON conversation_plan (owner_id, created_at);

CREATE TABLE conversation_log (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	topic_id UUID NOT NULL REFERENCES conversation_topic (id),
	plan_id UUID REFERENCES conversation_plan (id) ON DELETE SET NULL,
	talked_on DATE NOT NULL,
	defensiveness INT NOT NULL,
	escalation VARCHAR(10) NOT NULL,
	break_taken VARCHAR(20) NOT NULL,
	helped VARCHAR(8000),
	next_time VARCHAR(8000),
	resolved BOOLEAN NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_log_owner_ix ON conversation_log (owner_id, talked_on);

-- His partner's view of a talk: it stands beside his log and never overwrites it.
CREATE TABLE conversation_partner_view (
	log_id UUID NOT NULL REFERENCES conversation_log (id) ON DELETE CASCADE,
	viewer_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	escalation VARCHAR(10) NOT NULL,
	felt_heard INT NOT NULL,
	note VARCHAR(8000),
	seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (log_id, viewer_id)
);

-- His copies of the shipped phrase cards (card_key set) and his own cards (card_key empty).
CREATE TABLE conversation_phrase (
	id UUID NOT NULL PRIMARY KEY,
	owner_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	card_key VARCHAR(40),
	text VARCHAR(4000) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_phrase_owner_ix ON conversation_phrase (owner_id);

CREATE TABLE conversation_preference (
	owner_id UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	breathing VARCHAR(10) NOT NULL
);
