-- Action items, and which agenda items were dealt with (an unfinished one is carried over to the next meeting).
CREATE TABLE action_items (
    action_item_id   VARCHAR(64)              NOT NULL,
    collaboration_id VARCHAR(64)              NOT NULL,
    meeting_id       VARCHAR(64)              NOT NULL,
    title            VARCHAR(500)             NOT NULL,
    owner_org        VARCHAR(64)              NOT NULL,
    owner_person     VARCHAR(200),
    due_date         DATE                     NOT NULL,
    -- OPEN, DONE or CANCELLED; overdue is set by its deadline while it is open.
    status           VARCHAR(20)              NOT NULL,
    overdue          BOOLEAN                  DEFAULT FALSE NOT NULL,
    reason           VARCHAR(2000),
    assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_action_items PRIMARY KEY (action_item_id)
);

CREATE INDEX ix_action_items_collaboration ON action_items (collaboration_id, status);

ALTER TABLE agenda_items ADD COLUMN finished BOOLEAN DEFAULT FALSE NOT NULL;

-- Where an item was carried from: "<meeting id>/<item id>" or "action-item:<id>", longer than one id.
ALTER TABLE agenda_items ALTER COLUMN carried_over_from SET DATA TYPE VARCHAR(200);
