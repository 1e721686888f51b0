-- Delivery parts: a briefing may take several messages on a platform, and each part is
-- recorded here as soon as the platform has it. A retry, a reopen or a restart then sends
-- only the parts still missing, and a slot counts as delivered only with every part present.
-- A part is written only by the process holding the delivery's claim (see the store method).
CREATE TABLE delivery_parts (
    schedule   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    slot       TEXT NOT NULL,
    part       INTEGER NOT NULL,      -- 0-based index of the message within the delivery
    message_id TEXT NOT NULL,         -- Slack ts / Discord message id
    sent_at    TEXT NOT NULL,         -- ISO UTC
    PRIMARY KEY (schedule, channel, slot, part),
    FOREIGN KEY (schedule, channel, slot)
        REFERENCES deliveries (schedule, channel, slot) ON DELETE CASCADE
);
