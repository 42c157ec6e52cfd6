-- db-scheduler: one row per pending or running execution of a scheduled job. A node claims a
-- due row by bumping its version, so each execution is picked by one node only. Keys are
-- VARCHAR, not TEXT, because H2 cannot index TEXT; the names are unquoted so H2 and
-- PostgreSQL both match db-scheduler's unquoted queries.
CREATE TABLE scheduled_tasks (
	task_name VARCHAR(100) NOT NULL,
	task_instance VARCHAR(250) NOT NULL,
	task_data BYTEA,
	execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
	picked BOOLEAN NOT NULL,
	picked_by VARCHAR(250),
	last_success TIMESTAMP WITH TIME ZONE,
	last_failure TIMESTAMP WITH TIME ZONE,
	consecutive_failures INT,
	last_heartbeat TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	priority SMALLINT,
	PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_ix ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_ix ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_ix ON scheduled_tasks (priority DESC, execution_time ASC);
