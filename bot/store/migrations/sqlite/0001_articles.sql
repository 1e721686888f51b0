-- Articles, speakers and statements, with the indexes that answer who-said-what.

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    outlet       TEXT,
    published    TEXT NOT NULL,          -- ISO 8601 UTC, sorts as text
    document     TEXT NOT NULL,          -- the validated summary as JSON
    content_hash TEXT NOT NULL,
    origin       TEXT,                   -- the file or URL it came from
    loaded_at    TEXT NOT NULL
);
CREATE INDEX articles_by_date ON articles (published DESC, id DESC);
CREATE INDEX articles_by_origin ON articles (origin);

CREATE TABLE article_topics (
    topic      TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (topic, article_id)
);
CREATE INDEX article_topics_by_article ON article_topics (article_id);

-- One row per person or source of an article. key is shared by one person across articles
-- ("person:<name key>"); a source is local to its article ("source:<article>:<id>").
CREATE TABLE speakers (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    is_person  INTEGER NOT NULL,
    anonymous  INTEGER NOT NULL,
    role       TEXT,
    people     INTEGER,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX speakers_by_key ON speakers (key);

-- One row per speaker identity (key), described by the newest article that names it; refs
-- counts the articles that do, so that removing an article removes a speaker nobody else names.
CREATE TABLE speaker_keys (
    key        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    is_person  INTEGER NOT NULL,
    anonymous  INTEGER NOT NULL,
    role       TEXT,
    people     INTEGER,
    article_id TEXT,                     -- for sources, which belong to one article
    latest     TEXT NOT NULL,            -- newest publication time naming this speaker
    refs       INTEGER NOT NULL
) WITHOUT ROWID;

-- Every full name, alias and surname of a speaker, as a name key; newest speakers first.
CREATE TABLE speaker_names (
    name_key TEXT NOT NULL,
    key      TEXT NOT NULL,
    latest   TEXT NOT NULL,
    refs     INTEGER NOT NULL,
    PRIMARY KEY (name_key, key)
) WITHOUT ROWID;
CREATE INDEX speaker_names_by_latest ON speaker_names (name_key, latest DESC);

-- Every word of a speaker's names, role and affiliation (singular), for "White House official".
CREATE TABLE speaker_words (
    word   TEXT NOT NULL,
    key    TEXT NOT NULL,
    latest TEXT NOT NULL,
    refs   INTEGER NOT NULL,
    PRIMARY KEY (word, key)
) WITHOUT ROWID;
CREATE INDEX speaker_words_by_latest ON speaker_words (word, latest DESC);

CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    speaker_key TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    kind_rank   INTEGER NOT NULL,        -- 0 direct, 1 partial, 2 indirect: exact words first
    text        TEXT NOT NULL,
    cue         TEXT,
    said_when   TEXT,
    paragraph   INTEGER NOT NULL,
    verified    INTEGER,                 -- NULL when there is no article text to check
    published   TEXT NOT NULL
);
CREATE INDEX statements_by_speaker ON statements (speaker_key, kind_rank, published DESC, article_id, position);
CREATE INDEX statements_by_article ON statements (article_id, position);

CREATE VIRTUAL TABLE statements_fts USING fts5 (
    text, content = 'statements', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;


-- How many statements hold each word. fts5vocab computes this by reading a word's whole
-- posting list, which for common words costs milliseconds per query at a million rows; kept
-- here it is one index lookup, and it is the vocabulary that typos are corrected against.
CREATE TABLE terms (
    term TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;

-- Adjacent word pairs of each statement ("tremendous_progress"), for phrase search: a pair is
-- far rarer than either word, so intersecting the rarest pairs finds a phrase made of common
-- words without walking their long posting lists. Contentless and without positions: only
-- which statements hold a pair is needed. pair_terms counts the statements per pair.
CREATE VIRTUAL TABLE statement_pairs USING fts5 (
    pairs, content = '', detail = none, columnsize = 0,
    tokenize = "unicode61 tokenchars '_'"
);
CREATE TABLE pair_terms (
    pair TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;
