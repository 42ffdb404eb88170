-- Query-side tables of the partner registry. Written only by projections, rebuilt by replay.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (the local stack).

-- Command-side lookup: which active partner holds a CVR number. Not a projection: written in the
-- command's own transaction so two partners can never claim one number.
CREATE TABLE cvr_claim (
    cvr        VARCHAR(8)  PRIMARY KEY,
    partner_id VARCHAR(64) NOT NULL
);

CREATE TABLE partner (
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
CREATE INDEX partner_name_idx ON partner (name);
CREATE INDEX partner_sector_idx ON partner (sector);

CREATE TABLE partner_contact (
    partner_id VARCHAR(64)  NOT NULL REFERENCES partner (id),
    id         VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    role       VARCHAR(200),
    work_email VARCHAR(254),
    work_phone VARCHAR(40),
    PRIMARY KEY (partner_id, id)
);

CREATE TABLE offer (
    id                 VARCHAR(64)   PRIMARY KEY,
    partner_id         VARCHAR(64)   NOT NULL REFERENCES partner (id),
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
CREATE INDEX offer_partner_idx ON offer (partner_id);

CREATE TABLE offer_target_group (
    offer_id     VARCHAR(64) NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    target_group VARCHAR(64) NOT NULL,
    PRIMARY KEY (offer_id, target_group)
);
CREATE INDEX offer_target_group_idx ON offer_target_group (target_group);

CREATE TABLE shared_resource (
    partner_id  VARCHAR(64)   NOT NULL REFERENCES partner (id),
    id          VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    category    VARCHAR(32)   NOT NULL,
    description VARCHAR(2000),
    terms       VARCHAR(2000),
    shared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, id)
);

CREATE TABLE partner_centre (
    partner_id  VARCHAR(64)  NOT NULL REFERENCES partner (id),
    centre_id   VARCHAR(64)  NOT NULL,
    centre_name VARCHAR(200),
    role        VARCHAR(32)  NOT NULL,
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, centre_id)
);
CREATE INDEX partner_centre_centre_idx ON partner_centre (centre_id);

CREATE TABLE partner_history (
    partner_id  VARCHAR(64)   NOT NULL,
    sequence    BIGINT        NOT NULL,
    event_type  VARCHAR(64)   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200),
    summary     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (partner_id, sequence)
);
