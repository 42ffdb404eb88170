-- The meeting logbook's views. Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode (the local default). Only
-- work roles and organisations are kept: a resident is never named in the logbook. Lists are JSON text.

CREATE TABLE collaborations (
    collaboration_id VARCHAR(64)              NOT NULL,
    title            VARCHAR(200)             NOT NULL,
    purpose          VARCHAR(2000)            NOT NULL,
    form             VARCHAR(30)              NOT NULL,
    target_groups    VARCHAR(1000)            NOT NULL,
    coordinator_org  VARCHAR(64)              NOT NULL,
    coordinator_name VARCHAR(200)             NOT NULL,
    coordinator_role VARCHAR(200),
    phase            VARCHAR(40),
    goals_version    INTEGER                  NOT NULL,
    goals            TEXT,
    theory_version   INTEGER                  NOT NULL,
    theory           TEXT,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_collaborations PRIMARY KEY (collaboration_id)
);

CREATE TABLE collaboration_partners (
    collaboration_id VARCHAR(64)              NOT NULL,
    org              VARCHAR(64)              NOT NULL,
    role             VARCHAR(20)              NOT NULL,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_collaboration_partners PRIMARY KEY (collaboration_id, org)
);

CREATE INDEX ix_collaboration_partners_org ON collaboration_partners (org);

-- Every change, in order: a form changed (from, to, why), each version of the goals and of the theory of change, a phase.
CREATE TABLE collaboration_history (
    collaboration_id VARCHAR(64)              NOT NULL,
    seq              BIGINT                   NOT NULL,
    kind             VARCHAR(40)              NOT NULL,
    detail           TEXT                     NOT NULL,
    actor            VARCHAR(200)             NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_collaboration_history PRIMARY KEY (collaboration_id, seq)
);

CREATE TABLE meetings (
    meeting_id          VARCHAR(64)              NOT NULL,
    collaboration_id    VARCHAR(64)              NOT NULL,
    coordinator_org     VARCHAR(64)              NOT NULL,
    type                VARCHAR(30)              NOT NULL,
    title               VARCHAR(200)             NOT NULL,
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE,
    place               VARCHAR(300),
    invited             TEXT                     NOT NULL,
    members             TEXT                     NOT NULL,
    minutes_status      VARCHAR(20)              NOT NULL,
    minutes_version     INTEGER                  NOT NULL,
    minutes_text        TEXT,
    amendments_until    TIMESTAMP WITH TIME ZONE,
    attendees           TEXT,
    minutes_content     TEXT,
    minutes_sha256      CHAR(64),
    approved_at         TIMESTAMP WITH TIME ZONE,
    approved_at_meeting VARCHAR(64),
    CONSTRAINT pk_meetings PRIMARY KEY (meeting_id)
);

CREATE INDEX ix_meetings_collaboration ON meetings (collaboration_id, starts_at);

CREATE TABLE agenda_items (
    meeting_id        VARCHAR(64)  NOT NULL,
    item_id           VARCHAR(64)  NOT NULL,
    seq               INTEGER      NOT NULL,
    title             VARCHAR(500) NOT NULL,
    carried_over_from VARCHAR(64),
    CONSTRAINT pk_agenda_items PRIMARY KEY (meeting_id, item_id)
);

CREATE TABLE attendance (
    meeting_id VARCHAR(64)              NOT NULL,
    org        VARCHAR(64)              NOT NULL,
    people     TEXT                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_attendance PRIMARY KEY (meeting_id, org)
);

CREATE TABLE proxies (
    meeting_id VARCHAR(64)              NOT NULL,
    from_org   VARCHAR(64)              NOT NULL,
    to_org     VARCHAR(64)              NOT NULL,
    given_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_proxies PRIMARY KEY (meeting_id, from_org)
);

CREATE TABLE votes (
    meeting_id     VARCHAR(64)              NOT NULL,
    vote_id        VARCHAR(64)              NOT NULL,
    agenda_item_id VARCHAR(64),
    motion         VARCHAR(2000)            NOT NULL,
    majority       VARCHAR(20)              NOT NULL,
    quorum_share   DOUBLE PRECISION         NOT NULL,
    quorum_minimum INTEGER                  NOT NULL,
    secret         BOOLEAN                  NOT NULL,
    -- The roll frozen as the vote opened: [{org, castBy}].
    roll           TEXT                     NOT NULL,
    members        INTEGER                  NOT NULL,
    totals_for     INTEGER,
    totals_against INTEGER,
    totals_abstain INTEGER,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The result as closed (VoteRule); NULL while open.
    closed_at      TIMESTAMP WITH TIME ZONE,
    represented    INTEGER,
    quorum_needed  INTEGER,
    quorum_met     BOOLEAN,
    for_votes      INTEGER,
    against_votes  INTEGER,
    abstain_votes  INTEGER,
    majority_met   BOOLEAN,
    adopted        BOOLEAN,
    CONSTRAINT pk_votes PRIMARY KEY (meeting_id, vote_id)
);

CREATE TABLE ballots (
    meeting_id VARCHAR(64)              NOT NULL,
    vote_id    VARCHAR(64)              NOT NULL,
    org        VARCHAR(64)              NOT NULL,
    cast_by    VARCHAR(64)              NOT NULL,
    choice     VARCHAR(10)              NOT NULL,
    cast_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ballots PRIMARY KEY (meeting_id, vote_id, org)
);

CREATE TABLE decisions (
    meeting_id     VARCHAR(64)              NOT NULL,
    decision_id    VARCHAR(64)              NOT NULL,
    agenda_item_id VARCHAR(64)              NOT NULL,
    type           VARCHAR(30)              NOT NULL,
    text           VARCHAR(4000)            NOT NULL,
    vote_id        VARCHAR(64),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_decisions PRIMARY KEY (meeting_id, decision_id)
);

CREATE TABLE amendments (
    meeting_id   VARCHAR(64)              NOT NULL,
    amendment_id VARCHAR(64)              NOT NULL,
    seq          INTEGER                  NOT NULL,
    org          VARCHAR(64)              NOT NULL,
    proposed_by  VARCHAR(200),
    text         VARCHAR(4000)            NOT NULL,
    after_freeze BOOLEAN                  NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    reason       VARCHAR(2000),
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_amendments PRIMARY KEY (meeting_id, amendment_id)
);
