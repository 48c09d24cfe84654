-- Free-lesson registrations: one row per user and lesson type; registering again updates it.
CREATE TABLE free_lesson_registration (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint      NOT NULL REFERENCES app_user (id),
    email             text        NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 254),
    lesson_type       text        NOT NULL CHECK (lesson_type ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    lesson_date       date,
    notification_sent boolean     NOT NULL DEFAULT false,
    registered_at     timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 1,
    legacy_id         bigint      UNIQUE,
    UNIQUE (user_id, lesson_type)
);

CREATE INDEX free_lesson_registration_lesson ON free_lesson_registration (lesson_type, id);

-- What users do, e.g. lesson_link_clicked with {"lesson_type": "..."}; details are bounded.
CREATE TABLE user_activity (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    type        text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]{0,63}$'),
    occurred_at timestamptz NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'
                                                         AND octet_length(details::text) <= 4096),
    legacy_id   bigint      UNIQUE
);

CREATE INDEX user_activity_user ON user_activity (user_id, occurred_at);
CREATE INDEX user_activity_type ON user_activity (type, occurred_at);
