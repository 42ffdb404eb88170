-- What each offer's partner commits to for referrals (partner.v1 referralTerms); NULL: the service's default deadline.
ALTER TABLE offer_replica ADD COLUMN answer_working_days INTEGER;
ALTER TABLE offer_replica ADD COLUMN contact_days INTEGER;
