-- Axon Framework's tables, created by Flyway in every event-sourced service so that no replica creates
-- schema when it starts (Hibernate only validates). Written for PostgreSQL and for H2 in PostgreSQL mode
-- (the local stack). "IF NOT EXISTS" keeps databases whose Axon tables Hibernate created before this
-- migration existed: for them it runs out of order and changes nothing.
-- Binary columns are bytea, never oid large objects; the global index comes from a sequence of increment 1
-- (see META-INF/orm.xml), so a gap in it lives only as long as one uncommitted transaction.

CREATE SEQUENCE IF NOT EXISTS domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS domain_event_entry (
    -- Filled by the JPA engine from the sequence, and by the sequence itself when the JDBC engine appends.
    global_index         BIGINT                 DEFAULT nextval('domain_event_entry_seq') NOT NULL,
    event_identifier     CHARACTER VARYING(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA                  NOT NULL,
    payload_revision     CHARACTER VARYING(255),
    payload_type         CHARACTER VARYING(255) NOT NULL,
    time_stamp           CHARACTER VARYING(255) NOT NULL,
    aggregate_identifier CHARACTER VARYING(255) NOT NULL,
    sequence_number      BIGINT                 NOT NULL,
    type                 CHARACTER VARYING(255),
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    -- The consistency boundary of every aggregate: two writers of one stream collide here.
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE IF NOT EXISTS snapshot_event_entry (
    aggregate_identifier CHARACTER VARYING(255) NOT NULL,
    sequence_number      BIGINT                 NOT NULL,
    type                 CHARACTER VARYING(255) NOT NULL,
    event_identifier     CHARACTER VARYING(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA                  NOT NULL,
    payload_revision     CHARACTER VARYING(255),
    payload_type         CHARACTER VARYING(255) NOT NULL,
    time_stamp           CHARACTER VARYING(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE IF NOT EXISTS token_entry (
    processor_name CHARACTER VARYING(255) NOT NULL,
    segment        INTEGER                NOT NULL,
    owner          CHARACTER VARYING(255),
    "timestamp"    CHARACTER VARYING(255) NOT NULL,
    token          BYTEA,
    token_type     CHARACTER VARYING(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

CREATE TABLE IF NOT EXISTS saga_entry (
    saga_id         CHARACTER VARYING(255) NOT NULL,
    revision        CHARACTER VARYING(255),
    saga_type       CHARACTER VARYING(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE SEQUENCE IF NOT EXISTS association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS association_value_entry (
    id                BIGINT                 NOT NULL,
    association_key   CHARACTER VARYING(255) NOT NULL,
    association_value CHARACTER VARYING(255),
    saga_id           CHARACTER VARYING(255) NOT NULL,
    saga_type         CHARACTER VARYING(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS association_value_entry_saga ON association_value_entry (saga_id, saga_type);
CREATE INDEX IF NOT EXISTS association_value_entry_lookup ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE IF NOT EXISTS dead_letter_entry (
    dead_letter_id       CHARACTER VARYING(255)  NOT NULL,
    cause_message        CHARACTER VARYING(1023),
    cause_type           CHARACTER VARYING(255),
    diagnostics          BYTEA,
    enqueued_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched         TIMESTAMP(6) WITH TIME ZONE,
    aggregate_identifier CHARACTER VARYING(255),
    event_identifier     CHARACTER VARYING(255)  NOT NULL,
    message_type         CHARACTER VARYING(255)  NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA                   NOT NULL,
    payload_revision     CHARACTER VARYING(255),
    payload_type         CHARACTER VARYING(255)  NOT NULL,
    sequence_number      BIGINT,
    time_stamp           CHARACTER VARYING(255)  NOT NULL,
    token                BYTEA,
    token_type           CHARACTER VARYING(255),
    type                 CHARACTER VARYING(255),
    processing_group     CHARACTER VARYING(255)  NOT NULL,
    processing_started   TIMESTAMP(6) WITH TIME ZONE,
    sequence_identifier  CHARACTER VARYING(255)  NOT NULL,
    sequence_index       BIGINT                  NOT NULL,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX IF NOT EXISTS dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX IF NOT EXISTS dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);
