-- Articles: public, practice-authored content (not clinical, so not encrypted).
CREATE TABLE article (
	id UUID NOT NULL PRIMARY KEY,
	slug VARCHAR(120) NOT NULL,
	title VARCHAR(200) NOT NULL,
	summary VARCHAR(300) NOT NULL,
	series VARCHAR(80),
	series_order INT,
	author VARCHAR(120) NOT NULL,
	body TEXT NOT NULL,
	status VARCHAR(20) NOT NULL,
	published_on DATE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL
);
CREATE UNIQUE INDEX article_slug_ux ON article (slug);
CREATE INDEX article_published_ix ON article (status, published_on);

CREATE TABLE article_tag (
	article UUID NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	tag VARCHAR(60) NOT NULL,
	PRIMARY KEY (article, tag)
);
CREATE INDEX article_tag_tag_ix ON article_tag (tag);

-- A published slug that was renamed keeps answering, with a permanent redirect.
CREATE TABLE article_slug_redirect (
	old_slug VARCHAR(120) NOT NULL PRIMARY KEY,
	article_id UUID NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
