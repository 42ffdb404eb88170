-- The secrets behind a partner's meeting feed (ical-support's FeedTokenStore): only the SHA-256 of each token is kept.
CREATE TABLE feed_token (
    id          VARCHAR(64)              NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    scope       VARCHAR(16)              NOT NULL,
    scope_id    VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200),
    revoked     BOOLEAN                  NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_feed_token PRIMARY KEY (id),
    CONSTRAINT uq_feed_token_hash UNIQUE (token_hash)
);
