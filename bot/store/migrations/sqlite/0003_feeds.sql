-- Feeds: the validators for conditional GET per feed, and every entry already ingested.

-- One row per configured feed (by name). url is kept so that a feed pointed elsewhere starts
-- over instead of sending the old server's ETag to the new one.
CREATE TABLE feed_state (
    feed          TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    polled_at     TEXT                   -- ISO 8601 UTC of the last successful poll
);

-- One row per entry seen. An entry is known by its id within its feed, and by its link across
-- all feeds: an edited item that comes back with a new id but the same link is not new.
CREATE TABLE feed_entries (
    feed       TEXT NOT NULL,
    entry_id   TEXT NOT NULL,
    link       TEXT,
    article_id TEXT,                     -- the stored article, when one was made
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed, entry_id)
);
CREATE INDEX feed_entries_by_link ON feed_entries (link);
