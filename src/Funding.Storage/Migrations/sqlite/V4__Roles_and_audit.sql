-- People and roles: a key belongs to a person and has a role in its workspace (reader, editor, signer, admin).
-- Keys made before roles existed could do everything: they stay admin.
ALTER TABLE api_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';

-- The audit log: every write, with who, when and what. Append-only: triggers refuse UPDATE and DELETE.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    key_id TEXT NULL,
    action TEXT NOT NULL,
    plan_id TEXT NULL,
    version INTEGER NULL,
    content_hash TEXT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX ix_audit_log_workspace ON audit_log (workspace_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
