-- The nodes that currently run this service's streaming processors (see SegmentBalancer): each node refreshes its
-- row every few seconds, so every node can tell how many share the segments and claim only its fair part.
CREATE TABLE IF NOT EXISTS processor_node (
    node_id CHARACTER VARYING(255)      NOT NULL,
    seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT processor_node_pkey PRIMARY KEY (node_id)
);
