-- Requests already handled, shared by every replica (as SQLite's 0004 from the web helper):
-- Slack's redelivered events and replayed signed admin commands, kept a few minutes.
CREATE TABLE seen_requests (
    key        TEXT COLLATE "C" PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX seen_requests_by_expiry ON seen_requests (expires_at);
