-- The directory is rebuilt beside its live tables (axon-support's ProjectionReplay): every directory table exists
-- twice, <table>_a for the even generations of the projection and <table>_b for the odd ones, and a view under the
-- table's own name shows the live generation's rows, as projection_generation names it. The queries read the views;
-- the switch is one row. A later change to a directory table changes both sets and recreates its view.

INSERT INTO projection_generation (projection, live_generation, building_generation) VALUES ('directory', 0, NULL);

ALTER TABLE partner_history RENAME TO partner_history_a;
ALTER TABLE offer_target_group RENAME TO offer_target_group_a;
ALTER TABLE offer RENAME TO offer_a;
ALTER TABLE partner_contact RENAME TO partner_contact_a;
ALTER TABLE shared_resource RENAME TO shared_resource_a;
ALTER TABLE partner_centre RENAME TO partner_centre_a;
ALTER TABLE partner RENAME TO partner_a;

CREATE TABLE partner_b (
    id                  VARCHAR(64)   PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    sector              VARCHAR(32)   NOT NULL,
    kind                VARCHAR(64)   NOT NULL,
    cvr                 VARCHAR(8),
    description         VARCHAR(4000),
    website             VARCHAR(500),
    email               VARCHAR(254),
    phone               VARCHAR(40),
    active              BOOLEAN       NOT NULL,
    deactivation_reason VARCHAR(1000),
    registered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX partner_b_name_idx ON partner_b (name);
CREATE INDEX partner_b_sector_idx ON partner_b (sector);

CREATE TABLE partner_contact_b (
    partner_id VARCHAR(64)  NOT NULL REFERENCES partner_b (id),
    id         VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    role       VARCHAR(200),
    work_email VARCHAR(254),
    work_phone VARCHAR(40),
    PRIMARY KEY (partner_id, id)
);

CREATE TABLE offer_b (
    id                 VARCHAR(64)   PRIMARY KEY,
    partner_id         VARCHAR(64)   NOT NULL REFERENCES partner_b (id),
    title              VARCHAR(200)  NOT NULL,
    description        VARCHAR(4000),
    minimum_age        INTEGER,
    maximum_age        INTEGER,
    languages          VARCHAR(500),
    cost               VARCHAR(200),
    schedules          VARCHAR(8000) NOT NULL,
    centre_id          VARCHAR(64),
    centre_name        VARCHAR(200),
    address            VARCHAR(300),
    capacity_maximum   INTEGER,
    capacity_available INTEGER,
    status             VARCHAR(32)   NOT NULL,
    withdrawn          BOOLEAN       NOT NULL,
    withdrawal_reason  VARCHAR(1000),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX offer_b_partner_idx ON offer_b (partner_id);

CREATE TABLE offer_target_group_b (
    offer_id     VARCHAR(64) NOT NULL REFERENCES offer_b (id) ON DELETE CASCADE,
    target_group VARCHAR(64) NOT NULL,
    PRIMARY KEY (offer_id, target_group)
);
CREATE INDEX offer_target_group_b_idx ON offer_target_group_b (target_group);

CREATE TABLE shared_resource_b (
    partner_id  VARCHAR(64)   NOT NULL REFERENCES partner_b (id),
    id          VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    category    VARCHAR(32)   NOT NULL,
    description VARCHAR(2000),
    terms       VARCHAR(2000),
    shared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, id)
);

CREATE TABLE partner_centre_b (
    partner_id  VARCHAR(64)  NOT NULL REFERENCES partner_b (id),
    centre_id   VARCHAR(64)  NOT NULL,
    centre_name VARCHAR(200),
    role        VARCHAR(32)  NOT NULL,
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, centre_id)
);
CREATE INDEX partner_centre_b_centre_idx ON partner_centre_b (centre_id);

CREATE TABLE partner_history_b (
    partner_id  VARCHAR(64)   NOT NULL,
    sequence    BIGINT        NOT NULL,
    event_type  VARCHAR(64)   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200),
    summary     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (partner_id, sequence)
);

-- Each branch is guarded by a condition on the one row alone: PostgreSQL evaluates it once per query and skips
-- the other set entirely; conditions of the query itself still reach each set's indexes.
CREATE VIEW partner AS
    SELECT * FROM partner_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM partner_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW partner_contact AS
    SELECT * FROM partner_contact_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM partner_contact_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW offer AS
    SELECT * FROM offer_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM offer_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW offer_target_group AS
    SELECT * FROM offer_target_group_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM offer_target_group_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW shared_resource AS
    SELECT * FROM shared_resource_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM shared_resource_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW partner_centre AS
    SELECT * FROM partner_centre_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM partner_centre_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);

CREATE VIEW partner_history AS
    SELECT * FROM partner_history_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM partner_history_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);
