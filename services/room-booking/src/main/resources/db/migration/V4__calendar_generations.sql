-- The calendar is rebuilt beside its live tables (axon-support's ProjectionReplay): every calendar table exists
-- twice, <table>_a for the even generations of the projection and <table>_b for the odd ones, and a view under the
-- table's own name shows the live generation's rows, as projection_generation names it. The queries read the views;
-- the switch is one row. A later change to a calendar table changes both sets and recreates its view. feed_token is
-- not part of the projection and stays as it is.

INSERT INTO projection_generation (projection, live_generation, building_generation) VALUES ('calendar', 0, NULL);

ALTER TABLE cal_history RENAME TO cal_history_a;
ALTER TABLE cal_booking RENAME TO cal_booking_a;
ALTER TABLE cal_series_exdate RENAME TO cal_series_exdate_a;
ALTER TABLE cal_series RENAME TO cal_series_a;
ALTER TABLE cal_waitlist_entry RENAME TO cal_waitlist_entry_a;
ALTER TABLE cal_resource_feature RENAME TO cal_resource_feature_a;
ALTER TABLE cal_resource RENAME TO cal_resource_a;
ALTER TABLE cal_centre_peak RENAME TO cal_centre_peak_a;
ALTER TABLE cal_centre_opening RENAME TO cal_centre_opening_a;
ALTER TABLE cal_centre RENAME TO cal_centre_a;
ALTER TABLE calendar_stream RENAME TO calendar_stream_a;

CREATE TABLE calendar_stream_b (
    aggregate_id  VARCHAR(64) PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

CREATE TABLE cal_centre_b (
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

CREATE TABLE cal_centre_opening_b (
    centre_id VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    weekday   VARCHAR(16) NOT NULL,
    opens     TIME        NOT NULL,
    closes    TIME        NOT NULL,
    PRIMARY KEY (centre_id, position)
);

CREATE TABLE cal_centre_peak_b (
    centre_id VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    weekday   VARCHAR(16) NOT NULL,
    starts    TIME        NOT NULL,
    ends      TIME        NOT NULL,
    PRIMARY KEY (centre_id, position)
);

CREATE TABLE cal_resource_b (
    id                      VARCHAR(64) PRIMARY KEY,
    centre_id               VARCHAR(64)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    kind                    VARCHAR(16)  NOT NULL,
    capacity                INTEGER,
    cleaning_buffer_minutes INTEGER      NOT NULL,
    approval_required       BOOLEAN      NOT NULL,
    access                  VARCHAR(32)  NOT NULL,
    listed_partners         VARCHAR(4000),
    max_length_minutes      INTEGER,
    max_days_ahead          INTEGER,
    defined_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cal_resource_feature_b (
    resource_id VARCHAR(64)  NOT NULL,
    feature     VARCHAR(100) NOT NULL,
    PRIMARY KEY (resource_id, feature)
);

CREATE TABLE cal_series_b (
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
    confirmed         BOOLEAN   NOT NULL,
    title             VARCHAR(300),
    purpose           VARCHAR(2000),
    attendees         INTEGER,
    target_group      VARCHAR(200),
    visibility        VARCHAR(16) NOT NULL,
    offer_id          VARCHAR(64),
    meeting_id        VARCHAR(64),
    version           INTEGER NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cal_series_exdate_b (
    series_id VARCHAR(64) NOT NULL,
    ex_date   DATE        NOT NULL,
    reason    VARCHAR(16) NOT NULL,
    PRIMARY KEY (series_id, ex_date)
);

CREATE TABLE cal_booking_b (
    id                  VARCHAR(64) PRIMARY KEY,
    resource_id         VARCHAR(64) NOT NULL,
    centre_id           VARCHAR(64) NOT NULL,
    partner_id          VARCHAR(64) NOT NULL,
    series_id           VARCHAR(64),
    waitlist_entry_id   VARCHAR(64),
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    local_start         TIMESTAMP NOT NULL,
    local_end           TIMESTAMP NOT NULL,
    original_local_start TIMESTAMP NOT NULL,
    status              VARCHAR(16) NOT NULL,
    awaits_approval     BOOLEAN NOT NULL,
    from_waitlist       BOOLEAN NOT NULL,
    late                BOOLEAN NOT NULL,
    status_reason       VARCHAR(2000),
    flagged             BOOLEAN NOT NULL,
    flag_reason         VARCHAR(64),
    title               VARCHAR(300),
    purpose             VARCHAR(2000),
    attendees           INTEGER,
    target_group        VARCHAR(200),
    visibility          VARCHAR(16) NOT NULL,
    offer_id            VARCHAR(64),
    meeting_id          VARCHAR(64),
    version             INTEGER NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cal_history_b (
    subject_id   VARCHAR(64)  NOT NULL,
    aggregate_id VARCHAR(64)  NOT NULL,
    seq          BIGINT       NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200),
    summary      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (subject_id, aggregate_id, seq)
);

CREATE TABLE cal_waitlist_entry_b (
    id           VARCHAR(64) PRIMARY KEY,
    resource_id  VARCHAR(64) NOT NULL,
    centre_id    VARCHAR(64) NOT NULL,
    partner_id   VARCHAR(64) NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    local_start  TIMESTAMP NOT NULL,
    local_end    TIMESTAMP NOT NULL,
    title        VARCHAR(300),
    status       VARCHAR(16) NOT NULL,
    booking_id   VARCHAR(64),
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX cal_resource_centre_b ON cal_resource_b (centre_id, name);
CREATE INDEX cal_series_resource_b ON cal_series_b (resource_id);
CREATE INDEX cal_booking_resource_b ON cal_booking_b (resource_id, local_start);
CREATE INDEX cal_booking_centre_b ON cal_booking_b (centre_id, local_start);
CREATE INDEX cal_booking_partner_b ON cal_booking_b (partner_id, local_start);
CREATE INDEX cal_booking_series_b ON cal_booking_b (series_id);
CREATE INDEX cal_booking_pending_b ON cal_booking_b (centre_id, status, requested_at);
CREATE INDEX cal_waitlist_resource_b ON cal_waitlist_entry_b (resource_id, local_start);

-- Each branch is guarded by a condition on the one row alone: PostgreSQL evaluates it once per query and skips
-- the other set entirely; conditions of the query itself still reach each set's indexes.
CREATE VIEW cal_history AS
    SELECT * FROM cal_history_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_history_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_booking AS
    SELECT * FROM cal_booking_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_booking_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_series_exdate AS
    SELECT * FROM cal_series_exdate_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_series_exdate_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_series AS
    SELECT * FROM cal_series_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_series_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_waitlist_entry AS
    SELECT * FROM cal_waitlist_entry_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_waitlist_entry_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_resource_feature AS
    SELECT * FROM cal_resource_feature_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_resource_feature_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_resource AS
    SELECT * FROM cal_resource_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_resource_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_centre_peak AS
    SELECT * FROM cal_centre_peak_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_centre_peak_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_centre_opening AS
    SELECT * FROM cal_centre_opening_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_centre_opening_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW cal_centre AS
    SELECT * FROM cal_centre_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM cal_centre_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW calendar_stream AS
    SELECT * FROM calendar_stream_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM calendar_stream_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'calendar' AND MOD(g.live_generation, 2) = 1);
