-- One database per service, each owned by its own login role, so no service can read another's tables.
-- Run once by the postgres image's entrypoint, on an empty data directory only.
-- Passwords come from the container's environment (psql's \getenv), never from this file.

\getenv partner_registry_password PARTNER_REGISTRY_DB_PASSWORD
\getenv dashboard_password DASHBOARD_DB_PASSWORD

CREATE ROLE partner_registry LOGIN PASSWORD :'partner_registry_password';
CREATE DATABASE bindeled_partner_registry OWNER partner_registry ENCODING 'UTF8';
REVOKE ALL ON DATABASE bindeled_partner_registry FROM PUBLIC;

CREATE ROLE dashboard LOGIN PASSWORD :'dashboard_password';
CREATE DATABASE bindeled_dashboard OWNER dashboard ENCODING 'UTF8';
REVOKE ALL ON DATABASE bindeled_dashboard FROM PUBLIC;
