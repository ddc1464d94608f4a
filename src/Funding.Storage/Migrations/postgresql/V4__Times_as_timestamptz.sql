-- Instants as instants: every time column becomes timestamptz (it was ISO 8601 UTC text), read and compared as a time.
ALTER TABLE workspaces ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;
ALTER TABLE api_keys
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN revoked_at TYPE timestamptz USING revoked_at::timestamptz;
ALTER TABLE saved_plans
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at::timestamptz;
ALTER TABLE plan_versions ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;
ALTER TABLE signatures ALTER COLUMN signed_at TYPE timestamptz USING signed_at::timestamptz;
ALTER TABLE executions ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;
