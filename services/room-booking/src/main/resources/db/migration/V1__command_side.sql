-- Tables the command side reads and writes inside a command's own transaction. Read models (calendars,
-- free-slot search, reports, feeds) are in V2 onwards and are rebuilt by replay; these are not projections.

-- The centre's current rules, kept by a subscribing handler in the same transaction as the centre's events,
-- so a booking command always sees the rules that are stored.
CREATE TABLE centre_rules (
    centre_id                 VARCHAR(64) PRIMARY KEY,
    time_zone                 VARCHAR(64) NOT NULL,
    manager_partner_id        VARCHAR(64),
    cancellation_notice_hours INTEGER NOT NULL,
    opening_hours             TEXT NOT NULL,   -- JSON array of {day, opens, closes}
    peak_hours                TEXT NOT NULL,   -- JSON array of {day, from, to}
    default_hours_per_week    INTEGER,
    default_peak_hours_per_week INTEGER
);

CREATE TABLE centre_partner_quota (
    centre_id           VARCHAR(64) NOT NULL,
    partner_id          VARCHAR(64) NOT NULL,
    hours_per_week      INTEGER,
    peak_hours_per_week INTEGER,
    PRIMARY KEY (centre_id, partner_id)
);

-- Minutes a partner holds per centre and ISO week. Reserved and released by booking commands in their own
-- transaction; the row lock of the conditional update makes two concurrent bookings queue, not overshoot.
CREATE TABLE quota_usage (
    centre_id    VARCHAR(64) NOT NULL,
    partner_id   VARCHAR(64) NOT NULL,
    iso_week     VARCHAR(8)  NOT NULL,         -- 2026-W48
    minutes      INTEGER NOT NULL,
    peak_minutes INTEGER NOT NULL,
    PRIMARY KEY (centre_id, partner_id, iso_week)
);

-- Which resource's schedule holds a booking, series or waitlist entry: routes commands that name only the
-- booking. Written with the command that creates the id; the primary key makes ids unique across resources.
CREATE TABLE booking_locator (
    id          VARCHAR(64) PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL,          -- BOOKING, SERIES, WAITLIST
    resource_id VARCHAR(64) NOT NULL,
    partner_id  VARCHAR(64) NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX booking_locator_partner ON booking_locator (partner_id, starts_at);

-- The replica of the partner registry (bindeled.partner.v1): who exists, is active, belongs where.
CREATE TABLE partner_replica (
    partner_id VARCHAR(64) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    sector     VARCHAR(32)  NOT NULL,
    active     BOOLEAN      NOT NULL
);

CREATE TABLE partner_replica_centre (
    partner_id VARCHAR(64) NOT NULL,
    centre_id  VARCHAR(64) NOT NULL,
    role       VARCHAR(32) NOT NULL,
    PRIMARY KEY (partner_id, centre_id)
);

-- Idempotent consumption: a CloudEvent id is recorded in the same transaction as its change.
CREATE TABLE inbox (
    event_id     VARCHAR(128) PRIMARY KEY,
    event_type   VARCHAR(200) NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which centre each resource belongs to, kept with the centre rules (same transaction as the resource's events).
CREATE TABLE centre_resource (
    resource_id VARCHAR(64) PRIMARY KEY,
    centre_id   VARCHAR(64) NOT NULL
);
