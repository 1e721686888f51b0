-- pg_trgm, where the server offers it: a trigram index over the vocabulary (terms), which
-- finds the candidates of a typo's correction in the database. The candidates are then scored
-- by the core's own rule (bot.core.fuzzy), so the corrections are the ones SQLite gives; see
-- Vocabulary in bot/store/postgres_search.py for why that holds. Without the extension (not
-- installed on the server, or this role may not create it) the store keeps its in-process
-- trigram index alone: slower after a write, never different.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm not created (%): typo correction stays in process', SQLERRM;
END $$;

DO $$
DECLARE
    home TEXT;  -- the extension's schema, which need not be on the search path
BEGIN
    SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    IF home IS NOT NULL THEN
        EXECUTE format('CREATE INDEX IF NOT EXISTS terms_trigrams ON terms'
                       ' USING gin (term %I.gin_trgm_ops)', home);
    END IF;
END $$;
