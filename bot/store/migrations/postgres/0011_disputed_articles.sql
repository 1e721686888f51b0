-- The articles that record disputes, in a partial index of their ids: `said` asks whether the
-- articles of its first matches record any (to show the dispute beside the claim), and most
-- record none. Through this index the answer costs one small index read, not the documents
-- (at a million statements each was a round trip and a cold page or two). The predicate is
-- PostgresStore's DISPUTED, word for word: the planner uses a partial index only for a
-- condition that implies its own. Building it reads every document once.
CREATE INDEX IF NOT EXISTS articles_disputed ON articles (id)
    WHERE (document::jsonb -> 'sourcing' -> 'disputed') <> '[]'::jsonb;
