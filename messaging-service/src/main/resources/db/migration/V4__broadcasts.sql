-- A broadcast and its recipient snapshot are written in one transaction; every recipient
-- row then moves pending -> sending -> sent | failed (or unknown, see docs/messaging.md).
CREATE TABLE broadcast (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    text             text        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4096),
    parse_mode       text        CHECK (parse_mode IN ('HTML', 'MarkdownV2', 'Markdown')),
    target           jsonb       NOT NULL,
    state            text        NOT NULL CHECK (state IN ('scheduled', 'sending', 'paused', 'completed', 'cancelled')),
    pause_reason     text,
    total_recipients integer     NOT NULL CHECK (total_recipients >= 0),
    scheduled_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    -- the failure rate that pauses a broadcast is counted over outcomes since then
    resumed_at       timestamptz,
    finished_at      timestamptz
);

CREATE INDEX broadcast_scheduled ON broadcast (scheduled_at) WHERE state = 'scheduled';
CREATE INDEX broadcast_sending ON broadcast (id) WHERE state = 'sending';

CREATE TABLE broadcast_recipient (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    broadcast_id        bigint      NOT NULL REFERENCES broadcast (id),
    user_id             bigint      NOT NULL,
    chat_id             bigint      NOT NULL,
    status              text        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
    attempts            integer     NOT NULL DEFAULT 0,
    -- a retried send (5xx, timeout, busy chat) waits until then
    next_attempt_at     timestamptz NOT NULL DEFAULT '-infinity',
    -- the instance that holds the row and until when; an expired claim is free again
    claimed_by          text,
    claimed_until       timestamptz,
    telegram_message_id bigint,
    error_code          integer,
    error_description   text,
    -- outcome events of this recipient so far (the aggregateVersion of delivery events)
    version             bigint      NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (broadcast_id, user_id),
    CHECK (status <> 'sent' OR telegram_message_id IS NOT NULL)
);

CREATE INDEX broadcast_recipient_pending ON broadcast_recipient (broadcast_id, id) WHERE status = 'pending';
CREATE INDEX broadcast_recipient_in_flight ON broadcast_recipient (claimed_until) WHERE status = 'sending';
CREATE INDEX broadcast_recipient_status ON broadcast_recipient (broadcast_id, status, id);
