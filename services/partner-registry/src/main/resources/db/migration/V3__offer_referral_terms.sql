-- What a partner commits to for referrals to an offer (partner.v1 referralTerms): an answer within so many Danish
-- working days, contact within so many days. NULL: the referrals service's default. Both generations change, and the
-- view is made again over them (V2).
ALTER TABLE offer_a ADD COLUMN referral_answer_days INTEGER;
ALTER TABLE offer_a ADD COLUMN referral_contact_days INTEGER;
ALTER TABLE offer_b ADD COLUMN referral_answer_days INTEGER;
ALTER TABLE offer_b ADD COLUMN referral_contact_days INTEGER;

DROP VIEW offer;
CREATE VIEW offer AS
    SELECT * FROM offer_a WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 0)
    UNION ALL
    SELECT * FROM offer_b WHERE EXISTS (SELECT 1 FROM projection_generation g
                                      WHERE g.projection = 'directory' AND MOD(g.live_generation, 2) = 1);
