-- Delivery parts (the same table as SQLite's 0005): each message of a briefing is recorded
-- as soon as the platform has it, so a retry, a reopen or a restart sends only the parts
-- still missing, and a slot counts as delivered only with every part present. A part is
-- written only by the process holding the delivery's claim (see ``record_part``).
CREATE TABLE delivery_parts (
    schedule   TEXT COLLATE "C" NOT NULL,
    channel    TEXT COLLATE "C" NOT NULL,
    slot       TIMESTAMPTZ NOT NULL,
    part       INTEGER NOT NULL,      -- 0-based index of the message within the delivery
    message_id TEXT NOT NULL,         -- Slack ts / Discord message id
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (schedule, channel, slot, part),
    FOREIGN KEY (schedule, channel, slot)
        REFERENCES deliveries (schedule, channel, slot) ON DELETE CASCADE
);
