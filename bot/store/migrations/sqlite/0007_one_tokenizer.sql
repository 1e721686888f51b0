-- One tokeniser: the full-text index holds the words exactly as bot.core.text.search_words
-- splits and folds them (the queries' definition), instead of FTS5's unicode61, which kept
-- "ß" and "ł" and so never matched "strasse" or "Walesa". The index text is computed by
-- briefbot_words() / briefbot_pairs(), SQL functions every connection of the store registers
-- (bot/store/sqlite.py); FTS5's "ascii" tokenizer then only splits at the spaces between them.

DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 (words, content = '', tokenize = 'ascii');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, words) VALUES (new.id, briefbot_words(new.text));
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, words)
    VALUES ('delete', old.id, briefbot_words(old.text));
END;
INSERT INTO statements_fts (rowid, words) SELECT id, briefbot_words(text) FROM statements;

DROP TABLE statement_pairs;
CREATE VIRTUAL TABLE statement_pairs USING fts5 (
    pairs, content = '', detail = none, columnsize = 0, tokenize = "ascii tokenchars '_'"
);
INSERT INTO statement_pairs (rowid, pairs) SELECT id, briefbot_pairs(text) FROM statements;

-- The counts, recomputed from the new indexes.
DELETE FROM terms;
CREATE VIRTUAL TABLE temp.rebuilt_terms USING fts5vocab (main, statements_fts, row);
INSERT INTO terms (term, docs) SELECT term, doc FROM temp.rebuilt_terms;
DROP TABLE temp.rebuilt_terms;
DELETE FROM pair_terms;
CREATE VIRTUAL TABLE temp.rebuilt_pairs USING fts5vocab (main, statement_pairs, row);
INSERT INTO pair_terms (pair, docs) SELECT term, doc FROM temp.rebuilt_pairs;
DROP TABLE temp.rebuilt_pairs;

-- Speaker keys fold the same letters now ("Wałęsa" → "walesa"): articles naming someone with
-- such a letter are re-indexed from their stored document when the store next opens.
CREATE TABLE reindex_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO reindex_pending (article_id)
SELECT id FROM articles
WHERE document GLOB '*[łŁøØæÆđĐðÐþÞœŒıħĦŧŦŀĿßẞ]*';
