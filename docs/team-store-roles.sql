-- Roles for a Steward team store (README, "A team store"). Run as the database's owner, in the
-- store's database, after the owner has opened it once with Steward (which creates the schema):
--   psql "postgres://owner@host/steward" -v scanner_password=… -v viewer_password=… -f docs/team-store-roles.sql
-- The owner (steward_owner here, or whoever created the database) is the only role that creates and
-- upgrades the schema: after a Steward upgrade, open the store once with it before the others.

-- CI runners: scan and save snapshots. A scan keeps the items' identity and history (it inserts and
-- updates items), its caches (it evicts old entries) and its lock (it releases it), so it writes
-- every table; it cannot change the schema or anything outside it.
CREATE ROLE steward_scanner LOGIN PASSWORD :'scanner_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO steward_scanner;
GRANT USAGE ON SCHEMA public TO steward_scanner;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO steward_scanner;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO steward_scanner;

-- The lead's and the manager's app: reads everything, and records decisions (accept, dismiss,
-- reopen an item; settings; merged identities). It cannot save a scan. It also keeps what it works
-- out from the scans for the next reader: health scores (again when the formula changed).
CREATE ROLE steward_viewer LOGIN PASSWORD :'viewer_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO steward_viewer;
GRANT USAGE ON SCHEMA public TO steward_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO steward_viewer;
GRANT UPDATE (decision, decision_reason, decision_by, decision_at, decision_material) ON debt_items TO steward_viewer;
GRANT INSERT ON item_events, settings, identity_merges, identity_marks, health_scores TO steward_viewer;
GRANT UPDATE ON settings, health_scores TO steward_viewer;
GRANT DELETE ON identity_merges, identity_marks TO steward_viewer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO steward_viewer;
