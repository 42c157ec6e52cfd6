-- Practice settings an admin changes on /admin/settings; anything not set here comes from the
-- configuration (application properties or environment).
CREATE TABLE practice_setting (
	setting VARCHAR(40) NOT NULL PRIMARY KEY,
	setting_value VARCHAR(4000) NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
