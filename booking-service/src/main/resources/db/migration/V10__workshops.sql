-- Workshops, their runs (one offering, e.g. "July 2026 batch"), the sessions of a run (Day 1..n)
-- with a hard seat limit, enrollments and attendance. A session is never overbooked: the hot path
-- takes a seat with a conditional UPDATE (see SessionSeats), and the CHECK on seats_taken is the
-- last line of defence.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE workshop (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      text        CHECK (length(description) <= 10000),
    default_capacity integer     NOT NULL DEFAULT 12 CHECK (default_capacity BETWEEN 1 AND 10000),
    instructor       text        CHECK (length(instructor) BETWEEN 1 AND 200),
    location         text        NOT NULL CHECK (length(location) BETWEEN 1 AND 100),
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint      NOT NULL DEFAULT 1
);

CREATE TABLE workshop_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workshop_id bigint      NOT NULL REFERENCES workshop (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- stored: only an admin's cancellation; everything else is derived from the sessions
    status      text        NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    cloned_from bigint      REFERENCES workshop_run (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- the aggregate version of attendance.marked.v1, whose aggregate is the run
    version     bigint      NOT NULL DEFAULT 1
);

CREATE INDEX workshop_run_workshop ON workshop_run (workshop_id, id);

CREATE TABLE workshop_session (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      bigint      NOT NULL REFERENCES workshop_run (id),
    workshop_id bigint      NOT NULL REFERENCES workshop (id),
    day_number  integer     NOT NULL CHECK (day_number > 0),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    time_zone   text        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    location    text        NOT NULL CHECK (length(location) BETWEEN 1 AND 100),
    instructor  text        CHECK (length(instructor) BETWEEN 1 AND 200),
    capacity    integer     NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    seats_taken integer     NOT NULL DEFAULT 0,
    -- stored: only 'cancelled' (by an admin); upcoming / active / full / completed are derived
    -- from seats and time, so they are right without a job
    status      text        NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- every seat change and every edit is a new version: the aggregate version of session and
    -- enrollment events
    version     bigint      NOT NULL DEFAULT 1,
    CONSTRAINT workshop_session_times CHECK (ends_at > starts_at),
    CONSTRAINT workshop_session_seats CHECK (seats_taken BETWEEN 0 AND capacity),
    -- one instructor is never in two overlapping, non-cancelled sessions
    CONSTRAINT workshop_session_instructor_overlap EXCLUDE USING gist (
        instructor WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status <> 'cancelled' AND instructor IS NOT NULL)
);

CREATE INDEX workshop_session_run ON workshop_session (run_id, id);
CREATE INDEX workshop_session_workshop ON workshop_session (workshop_id, starts_at);
CREATE INDEX workshop_session_starts ON workshop_session (starts_at, id);

CREATE TABLE enrollment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id      bigint      NOT NULL REFERENCES workshop_session (id),
    run_id          bigint      NOT NULL REFERENCES workshop_run (id),
    workshop_id     bigint      NOT NULL REFERENCES workshop (id),
    user_id         bigint      NOT NULL REFERENCES app_user (id),
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
    cancel_reason   text        CHECK (cancel_reason IN ('user', 'admin', 'session_cancelled')),
    attendance      text        CHECK (attendance IN ('present', 'absent', 'late')),
    attendance_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    cancelled_at    timestamptz,
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);

-- the same user never holds two enrollments in one session (cancelled ones do not count)
CREATE UNIQUE INDEX enrollment_one_active ON enrollment (session_id, user_id) WHERE status = 'active';
CREATE INDEX enrollment_session ON enrollment (session_id, id);
CREATE INDEX enrollment_user ON enrollment (user_id, id);
CREATE INDEX enrollment_run ON enrollment (run_id, user_id);
