-- room-booking's database and login role, like the others in 01-databases.sql.
-- Run by the postgres image's entrypoint on an empty data directory only. On an existing volume run it once by hand:
--   docker compose exec postgres psql -U bindeled -d postgres -f /docker-entrypoint-initdb.d/02-room-booking.sql
-- The password comes from the container's environment (psql's \getenv), never from this file.

\getenv room_booking_password ROOM_BOOKING_DB_PASSWORD

CREATE ROLE room_booking LOGIN PASSWORD :'room_booking_password';
CREATE DATABASE bindeled_room_booking OWNER room_booking ENCODING 'UTF8';
REVOKE ALL ON DATABASE bindeled_room_booking FROM PUBLIC;
