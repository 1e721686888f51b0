-- Covering indexes for the two joins every answer makes (a statement's article title and
-- outlet, its speaker's name and role): index-only scans read a small, mostly cached index
-- instead of one heap page of each table per statement (a speaker's statements lie in as
-- many articles as they spoke in). The same answers; fewer pages to read on a cold cache.
CREATE INDEX IF NOT EXISTS articles_titles ON articles (id) INCLUDE (title, outlet);
CREATE INDEX IF NOT EXISTS speakers_names ON speakers (article_id, local_id) INCLUDE (name, role);
