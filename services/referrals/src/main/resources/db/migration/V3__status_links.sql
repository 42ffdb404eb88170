-- Status links: one referral followed by a partner without accounts through an address that is its own credential. Only
-- the SHA-256 of the address's token is kept, so neither this table nor a backup of it holds a working link.
CREATE TABLE status_links (
    link_id             VARCHAR(64)              NOT NULL,
    referral_id         VARCHAR(64)              NOT NULL,
    token_hash          CHAR(64)                 NOT NULL,
    issuer              VARCHAR(64)              NOT NULL,
    issued_by           VARCHAR(200)             NOT NULL,
    -- Who the link is for, sealed by the issuer (it may name a person); dropped when the issuer forgets the resident.
    label               TEXT,
    shows_personal_data BOOLEAN                  NOT NULL,
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revoked_by          VARCHAR(200),
    -- How often it was opened, so the issuer can tell whether it is in use.
    opened              INTEGER                  DEFAULT 0 NOT NULL,
    last_opened_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_status_links PRIMARY KEY (link_id),
    CONSTRAINT uq_status_links_token UNIQUE (token_hash)
);

CREATE INDEX ix_status_links_referral ON status_links (referral_id);
