-- Referrals between partners, from bindeled.referral.v1: who referred to whom, for which target group, and how far it
-- has come. No resident and no offer text: a collaboration's timeline counts the referrals among its partners.
CREATE TABLE referral_links (
    referral_id  VARCHAR(64)              NOT NULL,
    referrer     VARCHAR(64)              NOT NULL,
    recipient    VARCHAR(64)              NOT NULL,
    target_group VARCHAR(60),
    status       VARCHAR(30)              NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_referral_links PRIMARY KEY (referral_id)
);

CREATE INDEX ix_referral_links_pair ON referral_links (referrer, recipient);
