-- Privileges of the application's database role on PostgreSQL, after the schema owner has migrated the schema.
-- Run it as the schema owner (or a superuser) with the role created beforehand, e.g.
--   CREATE ROLE iep_app LOGIN PASSWORD '...';
-- and configure IEP with that role and iep.jdbc.migrate=false. The audit tables are append-only for this role:
-- INSERT and SELECT, never UPDATE, DELETE or TRUNCATE. The chain head may be read and moved forward, which cannot
-- alter a stored record (a skipped or reused sequence shows up as a gap or a duplicate-key failure).
GRANT USAGE ON SCHEMA public TO iep_app;
REVOKE ALL ON iep_audit, iep_audit_accession, iep_audit_head FROM iep_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON iep_transaction, iep_transaction_involved, iep_transaction_study,
    iep_tracking_sequence, iep_institution, iep_security_unit, iep_user, iep_node, iep_access_grant, iep_session,
    iep_job, iep_instance, iep_study_totals, iep_report, iep_report_rejected, iep_pseudonym TO iep_app;
GRANT SELECT, INSERT ON iep_audit, iep_audit_accession TO iep_app;
GRANT SELECT, UPDATE ON iep_audit_head TO iep_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO iep_app;
