-- Delivery: the ledger of scheduled posts, run-time subscriptions, channel health and the
-- per-schedule mark up to which slots have been accounted for (delivered or recorded missed).

-- One row per (schedule, channel, slot), written BEFORE the send ('sending', with the claiming
-- process as owner and a lease) and completed after it. The primary key is the claim: only the
-- process whose INSERT (or compare-and-set on version) succeeds may send.
CREATE TABLE deliveries (
    schedule     TEXT NOT NULL,
    channel      TEXT NOT NULL,
    slot         TEXT NOT NULL,          -- fire time, ISO 8601 UTC with microseconds
    delivery_key TEXT NOT NULL UNIQUE,   -- travels with the message (metadata / nonce)
    status       TEXT NOT NULL,          -- sending | delivered | failed | missed
    adhoc        INTEGER NOT NULL DEFAULT 0,
    owner        TEXT,                   -- host:pid:token of the process holding the claim
    lease_until  TEXT,                   -- ISO UTC; past it, another process may take over
    attempts     INTEGER NOT NULL DEFAULT 0,
    message_id   TEXT,
    reason       TEXT,                   -- FailureReason, 'missed', 'no_poster', ...
    detail       TEXT,
    version      INTEGER NOT NULL DEFAULT 0,  -- bumped on every change: compare-and-set
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (schedule, channel, slot)
);
CREATE INDEX deliveries_by_status ON deliveries (status, slot);
CREATE INDEX deliveries_by_update ON deliveries (updated_at DESC);

-- Run-time subscriptions: each subscribed channel has its own cron and timezone.
CREATE TABLE subscriptions (
    channel    TEXT PRIMARY KEY,
    cron       TEXT NOT NULL,
    timezone   TEXT NOT NULL,
    created_by TEXT NOT NULL,
    since      TEXT NOT NULL             -- slots before this are not owed to the channel
);

-- Channels where the platform said 401/403/404: no more sends until fixed.
CREATE TABLE channel_health (
    channel TEXT PRIMARY KEY,
    reason  TEXT NOT NULL,
    detail  TEXT NOT NULL,
    since   TEXT NOT NULL
);

-- Slots of a schedule up to checked_until have been delivered or recorded as missed.
CREATE TABLE schedule_marks (
    schedule      TEXT PRIMARY KEY,
    checked_until TEXT NOT NULL
);
