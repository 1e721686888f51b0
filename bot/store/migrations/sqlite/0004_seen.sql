-- Requests already handled, shared by every replica: Slack's redelivered events (by event_id)
-- and replayed signed admin commands (by a hash of the request). A row lives a few minutes:
-- long enough to cover Slack's retries and its 5-minute signature window, then it is purged.
CREATE TABLE seen_requests (
    key        TEXT PRIMARY KEY,             -- e.g. 'slack-event:Ev123', 'slack-admin:<sha256>'
    expires_at TEXT NOT NULL                 -- ISO 8601 UTC; after it the key may be seen anew
);
CREATE INDEX seen_requests_by_expiry ON seen_requests (expires_at);
