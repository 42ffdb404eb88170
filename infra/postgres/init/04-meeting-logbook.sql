-- the meeting logbook's database and login role, like the others in 01-databases.sql.
-- Run by the postgres image's entrypoint on an empty data directory only. On an existing volume run it once by hand:
--   docker compose exec postgres psql -U bindeled -d postgres -f /docker-entrypoint-initdb.d/04-meeting-logbook.sql
-- The password comes from the container's environment (psql's \getenv), never from this file.

\getenv meeting_logbook_password MEETING_LOGBOOK_DB_PASSWORD

CREATE ROLE meeting_logbook LOGIN PASSWORD :'meeting_logbook_password';
CREATE DATABASE bindeled_meeting_logbook OWNER meeting_logbook ENCODING 'UTF8';
REVOKE ALL ON DATABASE bindeled_meeting_logbook FROM PUBLIC;
