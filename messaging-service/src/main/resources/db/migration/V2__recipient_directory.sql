-- The recipient directory, kept from booking-service's events. A Telegram user id is also
-- the id of the user's private chat with the bot, so it is the chat id messages go to.
CREATE TABLE recipient (
    user_id            bigint      PRIMARY KEY,
    username           text,
    first_name         text,
    -- a booking of the user reached confirmed at least once (stays true after a cancel)
    ever_paid          boolean     NOT NULL DEFAULT false,
    -- false once Telegram answered 403 (blocked the bot, deactivated, never started it)
    reachable          boolean     NOT NULL DEFAULT true,
    unreachable_reason text,
    unreachable_at     timestamptz,
    -- aggregateVersion of the last user.updated.v1 applied; an older one is ignored
    profile_version    bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- One row per booking, with its latest state: stream membership is "has a confirmed
-- booking in the stream", which a stream change or a cancel takes away again.
CREATE TABLE recipient_booking (
    booking_id bigint PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES recipient (user_id),
    course_id  bigint NOT NULL,
    stream     text   NOT NULL,
    status     text   NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    version    bigint NOT NULL
);

CREATE INDEX recipient_booking_confirmed ON recipient_booking (stream, user_id) WHERE status = 'confirmed';
CREATE INDEX recipient_booking_user ON recipient_booking (user_id);

CREATE TABLE recipient_lesson (
    lesson_type text   NOT NULL,
    user_id     bigint NOT NULL REFERENCES recipient (user_id),
    PRIMARY KEY (lesson_type, user_id)
);
