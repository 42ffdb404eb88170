-- Which generation of each rebuildable projection the queries read, and which one is being rebuilt beside it (see
-- ProjectionReplay). A projection keeps two sets of tables, <table>_a for even generations and <table>_b for odd
-- ones; a view under each table's own name shows the live set, so flipping live_generation is the switch, in one
-- row and one transaction, on PostgreSQL and on H2 alike. Each service inserts its projections' rows.
CREATE TABLE IF NOT EXISTS projection_generation (
    projection          CHARACTER VARYING(64)       NOT NULL,
    live_generation     BIGINT                      NOT NULL,
    building_generation BIGINT,
    switched_at         TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT projection_generation_pkey PRIMARY KEY (projection)
);
