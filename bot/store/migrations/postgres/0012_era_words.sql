-- The words of each statement tagged with its era (id / 32768, the statements in blocks of
-- 32,768 in insertion order): lexeme 'progress' of a statement of era 30 is '30~progress' in
-- this index, so each era has a posting list of its own. A search for the newest matches asks
-- for the probe's lexemes tagged with the newest eras only (postgres_search ``_matching``), and
-- GIN reads those eras' postings, not the whole store's.
--
-- Migration 0009's index over (words, era) could not do that: GIN keeps a column's entries
-- apart, so it decoded a common word's whole posting list (92,000 statements at a million) to
-- intersect it with the era's. Measured on the million-statement bench store, two words of
-- 28,000 and 92,000 statements within the newest 8,400: the index scan took 2.6 ms with every
-- page cached by the old index, 0.06 ms by this one. That index is dropped (btree_gin stays
-- where it was created: other objects may use it); this one needs no extension.
--
-- The function is IMMUTABLE (the same tsvector and era always give the same tagged tsvector)
-- and uses only pg_catalog's functions, so an index may hold it. The era's width is ERA in
-- bot/store/postgres_search.py; the tag's form is ``era_query`` in bot/store/postgres_words.py.
CREATE OR REPLACE FUNCTION era_words(words tsvector, era bigint) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(ARRAY(
        SELECT era::text || '~' || lexeme FROM unnest(tsvector_to_array(words)) AS lexeme)) $$;

CREATE INDEX IF NOT EXISTS statements_era_words ON statements
    USING gin (era_words(words, id / 32768));

DROP INDEX IF EXISTS statements_word_eras;
