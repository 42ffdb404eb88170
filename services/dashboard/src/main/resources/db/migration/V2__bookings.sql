-- Read model of bindeled.booking.v1: centres with their opening hours, bookable resources and confirmed
-- bookings. Runs on PostgreSQL (production, tests) and H2 in PostgreSQL mode (local default).
--
-- Centre events are keyed by centre, everything else by resource, so they arrive in any order relative to
-- each other: no foreign keys; names are joined when read, and what is not known yet is shown by id.

-- Centres as room booking defines them (the latest CentreDefined wins). Separate from `centres`, which
-- holds the names partners announce with their memberships.
CREATE TABLE booking_centres (
    centre_id  VARCHAR(64)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    address    VARCHAR(300),
    time_zone  VARCHAR(64),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_booking_centres PRIMARY KEY (centre_id)
);

-- The weekly opening windows of a centre in its local time; replaced as a whole by every CentreDefined.
-- day_of_week is ISO (1 = Monday). A window whose closing time is not after its opening time ends the next day.
CREATE TABLE centre_opening_hours (
    centre_id   VARCHAR(64) NOT NULL,
    window_no   INTEGER     NOT NULL,
    day_of_week SMALLINT    NOT NULL,
    opens       TIME        NOT NULL,
    closes      TIME        NOT NULL,
    CONSTRAINT pk_centre_opening_hours PRIMARY KEY (centre_id, window_no),
    CONSTRAINT ck_centre_opening_hours_day CHECK (day_of_week BETWEEN 1 AND 7)
);

CREATE TABLE booking_resources (
    resource_id VARCHAR(64)              NOT NULL,
    centre_id   VARCHAR(64)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    kind        VARCHAR(20)              NOT NULL,
    capacity    INTEGER,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_booking_resources PRIMARY KEY (resource_id)
);

CREATE INDEX ix_booking_resources_centre ON booking_resources (centre_id);

-- Confirmed bookings only: requests, waitlist offers and rejected or cancelled bookings are never shown.
-- The title is never stored for BUSY bookings (the contract leaves it out; this makes sure of it).
CREATE TABLE bookings (
    booking_id  VARCHAR(64)              NOT NULL,
    resource_id VARCHAR(64)              NOT NULL,
    centre_id   VARCHAR(64)              NOT NULL,
    partner_id  VARCHAR(64)              NOT NULL,
    series_id   VARCHAR(64),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    visibility  VARCHAR(20)              NOT NULL,
    title       VARCHAR(200),
    flag_reason VARCHAR(40),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_bookings PRIMARY KEY (booking_id),
    CONSTRAINT ck_bookings_time CHECK (ends_at > starts_at)
);

CREATE INDEX ix_bookings_centre_start ON bookings (centre_id, starts_at);
