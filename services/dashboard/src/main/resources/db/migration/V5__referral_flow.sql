-- The flow of referrals between partners, from bindeled.referral.v1: ids, partners, offers, target groups, statuses,
-- reason categories and times. No personal data reaches the dashboard: the topic carries none.
CREATE TABLE referral_flow (
    referral_id      VARCHAR(64)              NOT NULL,
    referrer         VARCHAR(64)              NOT NULL,
    recipient        VARCHAR(64)              NOT NULL,
    offer_id         VARCHAR(64)              NOT NULL,
    target_group     VARCHAR(60),
    status           VARCHAR(30)              NOT NULL,
    decline_reason   VARCHAR(30),
    outcome          VARCHAR(30),
    overdue          VARCHAR(20),
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    first_contact_at TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_referral_flow PRIMARY KEY (referral_id)
);

CREATE INDEX ix_referral_flow_target_group ON referral_flow (target_group);
