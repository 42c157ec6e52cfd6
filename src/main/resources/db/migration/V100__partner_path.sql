-- The partner's own path: practice-authored steps (not clinical, so not encrypted). A
-- shipped step follows its file until the admin edits it; an edited one keeps the admin's
-- words (edited_at is set).
CREATE TABLE path_step (
	step_key VARCHAR(80) NOT NULL PRIMARY KEY,
	position INT NOT NULL,
	title VARCHAR(200) NOT NULL,
	article_slug VARCHAR(120) NOT NULL,
	prompt VARCHAR(1000) NOT NULL,
	body TEXT NOT NULL,
	edited_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL
);

-- An answer to a step's exercise is an entry of her journal, sealed like every entry. It
-- names the step and keeps the prompt as she was asked it.
ALTER TABLE journal_entry ADD COLUMN path_step VARCHAR(80);
ALTER TABLE journal_entry ADD COLUMN asked VARCHAR(1000);
CREATE UNIQUE INDEX journal_entry_path_step_ux ON journal_entry (owner_id, path_step);

-- Which shipped articles the library has taken in, so that one added in a later release
-- arrives in a library that already holds articles, and one the admin renamed or
-- removed never comes back. Every article there now counts as taken in.
CREATE TABLE shipped_article (
	slug VARCHAR(120) NOT NULL PRIMARY KEY,
	loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO shipped_article (slug, loaded_at) SELECT slug, CURRENT_TIMESTAMP FROM article;
INSERT INTO shipped_article (slug, loaded_at) SELECT old_slug, CURRENT_TIMESTAMP FROM article_slug_redirect;
