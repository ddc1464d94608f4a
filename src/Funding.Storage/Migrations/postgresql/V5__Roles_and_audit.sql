-- People and roles: a key belongs to a person and has a role in its workspace (reader, editor, signer, admin).
-- Keys made before roles existed could do everything: they stay admin.
ALTER TABLE api_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';

-- The audit log: every write, with who, when and what. Append-only: a trigger refuses UPDATE and DELETE.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    at timestamptz NOT NULL,
    actor TEXT NOT NULL,
    key_id TEXT NULL,
    action TEXT NOT NULL,
    plan_id TEXT NULL,
    version INTEGER NULL,
    content_hash TEXT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX ix_audit_log_workspace ON audit_log (workspace_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
