-- Feeds: conditional-GET validators per feed and every entry already ingested (as SQLite's 0003).

CREATE TABLE feed_state (
    feed          TEXT COLLATE "C" PRIMARY KEY,
    url           TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    polled_at     TIMESTAMPTZ
);

CREATE TABLE feed_entries (
    feed       TEXT COLLATE "C" NOT NULL,
    entry_id   TEXT COLLATE "C" NOT NULL,
    link       TEXT COLLATE "C",
    article_id TEXT,
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed, entry_id)
);
CREATE INDEX feed_entries_by_link ON feed_entries (link);
