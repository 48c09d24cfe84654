-- Transactional outbox: a change and the events it causes are written in one transaction;
-- the relay publishes rows in id order and stamps published_at once Kafka acknowledged them.
CREATE TABLE outbox_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          uuid        NOT NULL UNIQUE,
    event_type        text        NOT NULL CHECK (event_type ~ '^[a-z]+(\.[a-z_]+)+\.v[0-9]+$'),
    topic             text        NOT NULL,
    aggregate_type    text        NOT NULL,
    aggregate_id      text        NOT NULL,
    aggregate_version bigint      NOT NULL CHECK (aggregate_version > 0),
    occurred_at       timestamptz NOT NULL,
    payload           jsonb       NOT NULL,
    published_at      timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
