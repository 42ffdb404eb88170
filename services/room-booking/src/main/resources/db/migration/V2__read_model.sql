-- The calendar read model (processing group "calendar"): centres, resources, bookings, series, history and
-- waitlist as the queries, reports and iCalendar feeds need them. Rebuilt by replay: a reset empties every table
-- below except feed_token. Plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode (the local stack).

-- How far each event stream (aggregate) has been applied: an event at or below the mark was applied before and is
-- skipped, so every handler is idempotent when the processor delivers an event again.
CREATE TABLE calendar_stream (
    aggregate_id  VARCHAR(64) PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

CREATE TABLE cal_centre (
    id                        VARCHAR(64) PRIMARY KEY,
    name                      VARCHAR(200),
    address                   VARCHAR(300),
    time_zone                 VARCHAR(64) NOT NULL,
    manager_partner_id        VARCHAR(64),
    cancellation_notice_hours INTEGER NOT NULL,
    default_hours_per_week    INTEGER,
    default_peak_hours_per_week INTEGER,
    defined_at                TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cal_centre_opening (
    centre_id VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    weekday   VARCHAR(16) NOT NULL,            -- MONDAY … SUNDAY
    opens     TIME        NOT NULL,
    closes    TIME        NOT NULL,
    PRIMARY KEY (centre_id, position)
);

CREATE TABLE cal_centre_peak (
    centre_id VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    weekday   VARCHAR(16) NOT NULL,
    starts    TIME        NOT NULL,
    ends      TIME        NOT NULL,
    PRIMARY KEY (centre_id, position)
);

CREATE TABLE cal_resource (
    id                      VARCHAR(64) PRIMARY KEY,
    centre_id               VARCHAR(64)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    kind                    VARCHAR(16)  NOT NULL,   -- ROOM, FACILITY, EQUIPMENT
    capacity                INTEGER,                 -- null: no seat limit (equipment)
    cleaning_buffer_minutes INTEGER      NOT NULL,
    approval_required       BOOLEAN      NOT NULL,
    access                  VARCHAR(32)  NOT NULL,   -- ALL_CENTRE_PARTNERS, LISTED_PARTNERS
    listed_partners         VARCHAR(4000),           -- comma-separated partner ids when access is LISTED_PARTNERS
    max_length_minutes      INTEGER,
    max_days_ahead          INTEGER,
    defined_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cal_resource_centre ON cal_resource (centre_id, name);

CREATE TABLE cal_resource_feature (
    resource_id VARCHAR(64)  NOT NULL,
    feature     VARCHAR(100) NOT NULL,
    PRIMARY KEY (resource_id, feature)
);

CREATE TABLE cal_series (
    id                VARCHAR(64) PRIMARY KEY,
    resource_id       VARCHAR(64)  NOT NULL,
    centre_id         VARCHAR(64)  NOT NULL,
    partner_id        VARCHAR(64)  NOT NULL,
    rrule             VARCHAR(500) NOT NULL,
    frequency         VARCHAR(16),
    first_start       TIMESTAMP WITH TIME ZONE NOT NULL,
    first_end         TIMESTAMP WITH TIME ZONE NOT NULL,
    first_local_start TIMESTAMP NOT NULL,
    first_local_end   TIMESTAMP NOT NULL,
    confirmed         BOOLEAN   NOT NULL,            -- booked confirmed, or awaiting approval
    title             VARCHAR(300),
    purpose           VARCHAR(2000),
    attendees         INTEGER,
    target_group      VARCHAR(200),
    visibility        VARCHAR(16) NOT NULL,
    offer_id          VARCHAR(64),
    meeting_id        VARCHAR(64),
    version           INTEGER NOT NULL,              -- raised on every change of the series or an occurrence
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cal_series_resource ON cal_series (resource_id);

-- Dates of the rule that were not booked: exceptions asked for (EXCEPTION) and clashes skipped (SKIPPED).
CREATE TABLE cal_series_exdate (
    series_id VARCHAR(64) NOT NULL,
    ex_date   DATE        NOT NULL,
    reason    VARCHAR(16) NOT NULL,
    PRIMARY KEY (series_id, ex_date)
);

CREATE TABLE cal_booking (
    id                  VARCHAR(64) PRIMARY KEY,
    resource_id         VARCHAR(64) NOT NULL,
    centre_id           VARCHAR(64) NOT NULL,
    partner_id          VARCHAR(64) NOT NULL,
    series_id           VARCHAR(64),
    waitlist_entry_id   VARCHAR(64),
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    local_start         TIMESTAMP NOT NULL,           -- wall-clock time in the centre's zone
    local_end           TIMESTAMP NOT NULL,
    original_local_start TIMESTAMP NOT NULL,          -- where it was first booked (a series occurrence's RECURRENCE-ID)
    status              VARCHAR(16) NOT NULL,         -- REQUESTED, CONFIRMED, OFFERED, REJECTED, CANCELLED
    awaits_approval     BOOLEAN NOT NULL,             -- requested for the manager's decision (not just on its way to confirmed)
    from_waitlist       BOOLEAN NOT NULL,
    late                BOOLEAN NOT NULL,             -- cancelled inside the notice period
    status_reason       VARCHAR(2000),                -- why rejected or cancelled
    flagged             BOOLEAN NOT NULL,
    flag_reason         VARCHAR(64),
    title               VARCHAR(300),
    purpose             VARCHAR(2000),
    attendees           INTEGER,
    target_group        VARCHAR(200),
    visibility          VARCHAR(16) NOT NULL,
    offer_id            VARCHAR(64),
    meeting_id          VARCHAR(64),
    version             INTEGER NOT NULL,             -- raised on every change: the iCalendar SEQUENCE
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cal_booking_resource ON cal_booking (resource_id, local_start);
CREATE INDEX cal_booking_centre ON cal_booking (centre_id, local_start);
CREATE INDEX cal_booking_partner ON cal_booking (partner_id, local_start);
CREATE INDEX cal_booking_series ON cal_booking (series_id);
CREATE INDEX cal_booking_pending ON cal_booking (centre_id, status, requested_at);

-- Everything that happened to a booking or series, in order: one row per event and subject.
CREATE TABLE cal_history (
    subject_id   VARCHAR(64)  NOT NULL,           -- booking, series or waitlist entry id
    aggregate_id VARCHAR(64)  NOT NULL,
    seq          BIGINT       NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200),
    summary      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (subject_id, aggregate_id, seq)
);

CREATE TABLE cal_waitlist_entry (
    id           VARCHAR(64) PRIMARY KEY,
    resource_id  VARCHAR(64) NOT NULL,
    centre_id    VARCHAR(64) NOT NULL,
    partner_id   VARCHAR(64) NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    local_start  TIMESTAMP NOT NULL,
    local_end    TIMESTAMP NOT NULL,
    title        VARCHAR(300),
    status       VARCHAR(16) NOT NULL,            -- WAITING, LEFT, SERVED, OFFERED, DECLINED
    booking_id   VARCHAR(64),
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cal_waitlist_resource ON cal_waitlist_entry (resource_id, local_start);

-- Secret tokens of the iCalendar feeds. Not a projection (no event makes them, a replay leaves them alone):
-- only the SHA-256 of a token is kept, so a leaked table gives no working feed URL.
CREATE TABLE feed_token (
    token_hash  VARCHAR(64) PRIMARY KEY,          -- hex SHA-256 of the token
    scope       VARCHAR(16) NOT NULL,             -- RESOURCE, CENTRE
    scope_id    VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200),
    revoked     BOOLEAN NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX feed_token_scope ON feed_token (scope, scope_id);
