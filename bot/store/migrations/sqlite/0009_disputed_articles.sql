-- The articles that record disputes, in a partial index of their ids: `said` asks whether the
-- articles of its first matches record any (to show the dispute beside the claim), and most
-- record none. Through this index the answer reads only the disputed articles' documents, not
-- every asked one (at a million statements each was a cold page or two, 0.2-0.4 ms a `said`).
-- The predicate is SqliteStore's DISPUTED, word for word: a partial index serves only a
-- condition that is its own. Building it reads every document once.
CREATE INDEX IF NOT EXISTS articles_disputed ON articles (id)
    WHERE json_array_length(document, '$.sourcing.disputed') > 0;
