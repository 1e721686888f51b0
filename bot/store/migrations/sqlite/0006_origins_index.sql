-- Start-up reads only what changed: syncing the briefs folder asks for the (origin, id,
-- content hash) of the file origins. With the old index on origin alone, SQLite scanned the
-- whole articles table (every document's pages: 1 GB at 1,000,000 statements) for that.
-- This index covers the query, so a sync reads index pages of the matching origins only.
CREATE INDEX articles_by_origin_hash ON articles (origin, id, content_hash);
DROP INDEX articles_by_origin;
