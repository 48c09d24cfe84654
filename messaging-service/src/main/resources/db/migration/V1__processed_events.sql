-- Idempotent consumption: an event is applied only if its id is inserted here in
-- the same transaction as the change, so a redelivered or duplicated event is a no-op.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
