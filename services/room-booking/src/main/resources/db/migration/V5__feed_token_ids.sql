-- Feed tokens are listed and revoked by an id of their own, so a list can show them without their secret. Tokens
-- made before have an id taken from their hash (a prefix of the SHA-256 of 32 random bytes tells nothing of the
-- token). Scope PARTNER joins RESOURCE and CENTRE: the feed of one partner's bookings, wherever they are.
ALTER TABLE feed_token ADD COLUMN id VARCHAR(64);
UPDATE feed_token SET id = SUBSTRING(token_hash, 1, 32);
ALTER TABLE feed_token ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX feed_token_id ON feed_token (id);
