-- Bucket4j's PostgreSQL buckets: key 0 is the global send rate of all instances, any other
-- key a chat id (1 message/s per private chat, 20/min per group).
CREATE TABLE telegram_rate_bucket (
    id         bigint PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

-- A 429's retry_after holds every sender of every instance until then.
CREATE TABLE telegram_sender (
    id            smallint    PRIMARY KEY CHECK (id = 1),
    blocked_until timestamptz NOT NULL DEFAULT '-infinity'
);

INSERT INTO telegram_sender (id) VALUES (1);
