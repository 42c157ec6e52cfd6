-- Spring Session JDBC: HTTP sessions shared by every node.
CREATE TABLE spring_session (
	primary_id CHAR(36) NOT NULL,
	session_id CHAR(36) NOT NULL,
	creation_time BIGINT NOT NULL,
	last_access_time BIGINT NOT NULL,
	max_inactive_interval INT NOT NULL,
	expiry_time BIGINT NOT NULL,
	principal_name VARCHAR(254),
	CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
	session_primary_id CHAR(36) NOT NULL,
	attribute_name VARCHAR(200) NOT NULL,
	attribute_bytes BYTEA NOT NULL,
	CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
	CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Spring Modulith event publication registry (events carry ids and kinds only).
CREATE TABLE event_publication (
	id UUID NOT NULL,
	listener_id VARCHAR(512) NOT NULL,
	event_type VARCHAR(512) NOT NULL,
	serialized_event VARCHAR(4000) NOT NULL,
	publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
	completion_date TIMESTAMP WITH TIME ZONE,
	status VARCHAR(20),
	completion_attempts INT,
	last_resubmission_date TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
