-- pair_terms counted the statements holding each adjacent pair, for choosing a phrase's
-- probe. Since the search estimates pair counts from the word counts (postgres_search
-- ``_estimated_pairs``: a cold page or two of this table per question saved), nothing reads
-- it, and every write still upserted one row per distinct pair of its statements (6.4 M rows,
-- 600 MB with its key at a million statements). The pairs stay in each statement's tsvector,
-- which is what finds them. The SQLite store keeps its own pair_terms (its search reads it).
DROP TABLE IF EXISTS pair_terms;
