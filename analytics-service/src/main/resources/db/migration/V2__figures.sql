-- Figures kept from events. Every figure belongs to a generation: reads serve the current
-- generation; a rebuild fills a new one from the topic history and then switches over in one
-- transaction, so readers never see a half-built set.
CREATE TABLE generation (
    id          bigint      PRIMARY KEY,
    state       text        NOT NULL CHECK (state IN ('current', 'building', 'retired')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    switched_at timestamptz
);
CREATE UNIQUE INDEX generation_one_current ON generation ((true)) WHERE state = 'current';
CREATE UNIQUE INDEX generation_one_building ON generation ((true)) WHERE state = 'building';
CREATE SEQUENCE generation_id START 2;
INSERT INTO generation (id, state, switched_at) VALUES (1, 'current', now());

-- an event changes a generation once: its id is inserted here in the same transaction
ALTER TABLE processed_event ADD COLUMN generation bigint NOT NULL DEFAULT 1;
ALTER TABLE processed_event ALTER COLUMN generation DROP DEFAULT;
ALTER TABLE processed_event DROP CONSTRAINT processed_event_pkey;
ALTER TABLE processed_event ADD PRIMARY KEY (generation, event_id);

-- per-aggregate state: the newest version seen decides, so late or out-of-order events of one
-- aggregate end in the right figures; counts move by the difference between old and new state
CREATE TABLE booking_state (
    generation bigint NOT NULL,
    booking_id bigint NOT NULL,
    user_id    bigint NOT NULL,
    course_id  bigint NOT NULL,
    stream     text,
    status     text   NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    version    bigint NOT NULL,
    PRIMARY KEY (generation, booking_id)
);

CREATE TABLE registration_state (
    generation      bigint NOT NULL,
    registration_id bigint NOT NULL,
    user_id         bigint NOT NULL,
    lesson_type     text   NOT NULL,
    version         bigint NOT NULL,
    PRIMARY KEY (generation, registration_id)
);

CREATE TABLE course_name (
    generation bigint NOT NULL,
    course_id  bigint NOT NULL,
    title      text   NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (generation, course_id)
);

CREATE TABLE stream_name (
    generation bigint NOT NULL,
    stream_id  bigint NOT NULL,
    course_id  bigint NOT NULL,
    code       text   NOT NULL,
    name       text   NOT NULL,
    status     text   NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (generation, stream_id)
);
CREATE INDEX stream_name_code ON stream_name (generation, course_id, code);

-- figures
CREATE TABLE stream_figure (
    generation bigint NOT NULL,
    course_id  bigint NOT NULL,
    stream     text   NOT NULL,
    total      bigint NOT NULL DEFAULT 0,
    confirmed  bigint NOT NULL DEFAULT 0,
    pending    bigint NOT NULL DEFAULT 0,
    cancelled  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, course_id, stream)
);

CREATE TABLE status_figure (
    generation bigint NOT NULL,
    status     text   NOT NULL,
    bookings   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, status)
);

CREATE TABLE lesson_figure (
    generation    bigint NOT NULL,
    lesson_type   text   NOT NULL,
    registrations bigint NOT NULL DEFAULT 0,
    attendances   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, lesson_type)
);

-- a user is known once any source (booking, registration, activity) names them; first_seen is
-- the earliest time a source gave (null until a source with a time arrives)
CREATE TABLE user_figure (
    generation         bigint NOT NULL,
    user_id            bigint NOT NULL,
    first_seen         timestamptz,
    confirmed_bookings bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, user_id)
);

-- new users per quarter hour (UTC): every time zone's offset is a multiple of 15 minutes, so
-- days in any zone are exact sums of these buckets
CREATE TABLE growth_bucket (
    generation bigint      NOT NULL,
    bucket     timestamptz NOT NULL,
    new_users  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, bucket)
);

CREATE TABLE totals_figure (
    generation      bigint PRIMARY KEY,
    users           bigint NOT NULL DEFAULT 0,
    never_confirmed bigint NOT NULL DEFAULT 0,
    registrations   bigint NOT NULL DEFAULT 0
);
INSERT INTO totals_figure (generation) VALUES (1);

-- workshop sessions: seat state of the newest session version, attendance totals of the newest
-- run version that marked the session, certificate-eligible count of the newest run version
CREATE TABLE session_figure (
    generation      bigint NOT NULL,
    session_id      bigint NOT NULL,
    run_id          bigint NOT NULL,
    workshop_id     bigint NOT NULL,
    capacity        int    NOT NULL,
    seats_taken     int    NOT NULL,
    status          text   NOT NULL,
    version         bigint NOT NULL,
    day_number      int,
    starts_at       timestamptz,
    details_version bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, session_id)
);
CREATE INDEX session_figure_run ON session_figure (generation, workshop_id, run_id);

CREATE TABLE session_attendance (
    generation bigint NOT NULL,
    session_id bigint NOT NULL,
    enrolled   int    NOT NULL,
    present    int    NOT NULL,
    late       int    NOT NULL,
    absent     int    NOT NULL,
    unmarked   int    NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (generation, session_id)
);

CREATE TABLE run_figure (
    generation           bigint NOT NULL,
    run_id               bigint NOT NULL,
    workshop_id          bigint NOT NULL,
    run_name             text,
    workshop_title       text,
    sessions             int,
    certificate_eligible int    NOT NULL DEFAULT 0,
    version              bigint NOT NULL DEFAULT 0,
    names_version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, run_id)
);

CREATE TABLE rebuild_job (
    id          uuid        PRIMARY KEY,
    generation  bigint      NOT NULL,
    state       text        NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    events_read bigint      NOT NULL DEFAULT 0,
    events_total bigint,
    error       text
);
CREATE UNIQUE INDEX rebuild_job_one_running ON rebuild_job ((true)) WHERE state = 'running';
