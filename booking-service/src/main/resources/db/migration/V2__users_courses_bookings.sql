-- Users: one row per Telegram user, upserted from every booking, registration and activity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app_user (
    id            bigint      PRIMARY KEY CHECK (id > 0),  -- the Telegram user id
    username      text        CHECK (username <> ''),
    first_name    text        CHECK (first_name <> ''),
    email         text        CHECK (email <> ''),
    first_seen_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 1
);

-- Substring search on username / first name, case-insensitive (see UserQueries). lower() under
-- the built-in pg_c_utf8 collation (PostgreSQL 17+) folds Cyrillic and every other script the
-- same way whatever locale the database was created with.
CREATE INDEX app_user_username_trgm ON app_user USING gin (lower(username COLLATE pg_c_utf8) gin_trgm_ops);
CREATE INDEX app_user_first_name_trgm ON app_user USING gin (lower(first_name COLLATE pg_c_utf8) gin_trgm_ops);

CREATE TABLE course (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE course_stream (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id  bigint      NOT NULL REFERENCES course (id),
    code       text        NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_]{0,63}$'),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    starts_on  date,
    ends_on    date,
    capacity   integer     CHECK (capacity > 0),
    status     text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 1,
    UNIQUE (course_id, code),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE booking (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint        NOT NULL REFERENCES app_user (id),
    course_id        bigint        NOT NULL REFERENCES course (id),
    stream_id        bigint        NOT NULL REFERENCES course_stream (id),
    status           text          NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    referral_code    text          CHECK (referral_code <> ''),
    discount_percent integer       NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    price            numeric(12, 2) CHECK (price >= 0),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 1,
    legacy_id        bigint        UNIQUE
);

CREATE INDEX booking_stream_status ON booking (stream_id, status);
CREATE INDEX booking_user ON booking (user_id, id);
CREATE INDEX booking_created ON booking (created_at, id);

-- Idempotency-Key: the first request's fingerprint and response, per scope (endpoint) and key
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
