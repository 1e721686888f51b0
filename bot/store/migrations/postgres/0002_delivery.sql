-- Delivery: the ledger of scheduled posts, run-time subscriptions, channel health and the
-- per-schedule mark (the same tables as SQLite's 0002; times are TIMESTAMPTZ here).

-- The primary key is the claim: only the process whose INSERT (or compare-and-set on
-- version) succeeds may send. It is the last guarantee of exactly-once delivery.
CREATE TABLE deliveries (
    schedule     TEXT COLLATE "C" NOT NULL,
    channel      TEXT COLLATE "C" NOT NULL,
    slot         TIMESTAMPTZ NOT NULL,
    delivery_key TEXT COLLATE "C" NOT NULL UNIQUE,
    status       TEXT NOT NULL,              -- sending | delivered | failed | missed
    adhoc        BOOLEAN NOT NULL DEFAULT FALSE,
    owner        TEXT,
    lease_until  TIMESTAMPTZ,
    attempts     INTEGER NOT NULL DEFAULT 0,
    message_id   TEXT,
    reason       TEXT,
    detail       TEXT,
    version      INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (schedule, channel, slot)
);
CREATE INDEX deliveries_by_status ON deliveries (status, slot);
CREATE INDEX deliveries_by_update ON deliveries (updated_at DESC);

CREATE TABLE subscriptions (
    channel    TEXT COLLATE "C" PRIMARY KEY,
    cron       TEXT NOT NULL,
    timezone   TEXT NOT NULL,
    created_by TEXT NOT NULL,
    since      TIMESTAMPTZ NOT NULL
);

CREATE TABLE channel_health (
    channel TEXT COLLATE "C" PRIMARY KEY,
    reason  TEXT NOT NULL,
    detail  TEXT NOT NULL,
    since   TIMESTAMPTZ NOT NULL
);

CREATE TABLE schedule_marks (
    schedule      TEXT COLLATE "C" PRIMARY KEY,
    checked_until TIMESTAMPTZ NOT NULL
);
