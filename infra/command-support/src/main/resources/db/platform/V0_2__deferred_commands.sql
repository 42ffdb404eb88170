-- Commands a transaction decided to send once it has committed (see DeferredCommands): written in that
-- transaction, sent after it, deleted when handled. A row still here after a crash is sent by the sweeper.
CREATE TABLE IF NOT EXISTS deferred_command (
    id              CHARACTER VARYING(36)   NOT NULL,
    command_type    CHARACTER VARYING(255)  NOT NULL,
    payload         TEXT                    NOT NULL,
    actor           CHARACTER VARYING(255),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts        INTEGER                 NOT NULL,
    last_error      CHARACTER VARYING(1000),
    CONSTRAINT deferred_command_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS deferred_command_due ON deferred_command (next_attempt_at);
