-- How the extractor found each statement's speaker (named, pronoun, carried, inferred,
-- unknown), so that who/said answers read from the index can show a guessed speaker as
-- "probably X" just as answers read from the summary do (the same column as SQLite's 0008).
-- NULL for rows written before this migration and for hand-written briefs: shown as named.
ALTER TABLE statements ADD COLUMN IF NOT EXISTS confidence TEXT;
