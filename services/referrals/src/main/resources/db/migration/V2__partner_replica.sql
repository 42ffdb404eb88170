-- A replica of the partner registry's offers and partners (bindeled.partner.v1), which the referral rules read: refer
-- only to an active offer of the recipient, and tell a full one (and what else is open for the target group).

-- Idempotent consumer: one row per CloudEvent id processed, written in the same transaction as the replica's change.
CREATE TABLE inbox (
    ce_id       VARCHAR(200)             NOT NULL,
    topic       VARCHAR(249)             NOT NULL,
    ce_type     VARCHAR(200)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inbox PRIMARY KEY (ce_id)
);

CREATE INDEX ix_inbox_received_at ON inbox (received_at);

CREATE TABLE partner_replica (
    partner_id VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL,
    CONSTRAINT pk_partner_replica PRIMARY KEY (partner_id)
);

CREATE TABLE offer_replica (
    offer_id           VARCHAR(64)  NOT NULL,
    partner_id         VARCHAR(64)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    capacity_max       INTEGER,
    capacity_available INTEGER,
    -- Comma-separated target groups of the contract.
    target_groups      VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_offer_replica PRIMARY KEY (offer_id)
);

CREATE INDEX ix_offer_replica_partner ON offer_replica (partner_id);
