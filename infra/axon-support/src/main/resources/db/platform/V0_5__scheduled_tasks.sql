-- db-scheduler's task table, where Axon's DbSchedulerDeadlineManager keeps every deadline (see PersistedDeadlines):
-- a deadline is a row until it has fired, so it survives a restart, and the instance that flips "picked" (a
-- conditional update on "version") is the only one to run it. Written for PostgreSQL and for H2 in PostgreSQL mode
-- (the local stack): names are CHARACTER VARYING, not TEXT, since H2's TEXT is a CLOB and cannot be a key.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            CHARACTER VARYING(255)      NOT NULL,
    task_instance        CHARACTER VARYING(255)      NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                     NOT NULL,
    picked_by            CHARACTER VARYING(255),
    last_success         TIMESTAMP(6) WITH TIME ZONE,
    last_failure         TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP(6) WITH TIME ZONE,
    version              BIGINT                      NOT NULL,
    priority             SMALLINT,
    CONSTRAINT scheduled_tasks_pkey PRIMARY KEY (task_name, task_instance)
);
-- The poll asks for what is due; the dead-execution check for picked rows whose heartbeat stopped.
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
