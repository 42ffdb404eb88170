-- referrals' database and login role, like the others in 01-databases.sql.
-- Run by the postgres image's entrypoint on an empty data directory only. On an existing volume run it once by hand:
--   docker compose exec postgres psql -U bindeled -d postgres -f /docker-entrypoint-initdb.d/03-referrals.sql
-- The password comes from the container's environment (psql's \getenv), never from this file.

\getenv referrals_password REFERRALS_DB_PASSWORD

CREATE ROLE referrals LOGIN PASSWORD :'referrals_password';
CREATE DATABASE bindeled_referrals OWNER referrals ENCODING 'UTF8';
REVOKE ALL ON DATABASE bindeled_referrals FROM PUBLIC;
