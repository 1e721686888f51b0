-- btree_gin, where the server offers it: a GIN index over each statement's words and its era
-- (id / 32768, the statements in blocks of 32,768 in insertion order), so that a search for
-- the newest matches asks GIN for the probe's postings within the newest eras only
-- (``words @@ q AND id / 32768 = ANY(eras)``): GIN intersects the era's posting list with
-- the words' inside the index, skipping through it, and the heap is visited only for the
-- matches in those eras. Without it a wide window either reads the primary key's range
-- (a bitmap of every statement in the window) or visits every statement holding the probe
-- words, most of them older than the window and cold. The search uses the index only where it
-- exists (PostgresStore asks at open); without the extension (not installed on the server,
-- or this role may not create it) the plain index over the words stays alone: slower on wide
-- windows, never different. The era's width is ERA in bot/store/postgres_search.py.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin') THEN
        CREATE EXTENSION IF NOT EXISTS btree_gin;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'btree_gin not created (%): searches keep the index over the words', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') THEN
        CREATE INDEX IF NOT EXISTS statements_word_eras ON statements
            USING gin (words, (id / 32768));
    END IF;
END $$;
