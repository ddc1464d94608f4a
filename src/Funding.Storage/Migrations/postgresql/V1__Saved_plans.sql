-- Workspaces, API keys, saved plans with immutable versions, and signatures of voted versions.
-- Times are ISO 8601 UTC text; ids are text.
CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);

CREATE TABLE saved_plans (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    name TEXT NOT NULL,
    latest_version INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_saved_plans_workspace ON saved_plans (workspace_id, updated_at);

CREATE TABLE plan_versions (
    plan_id TEXT NOT NULL REFERENCES saved_plans (id),
    number INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT NOT NULL,
    comment TEXT NOT NULL,
    plan_json TEXT NOT NULL,
    PRIMARY KEY (plan_id, number)
);

CREATE TABLE signatures (
    plan_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    voted_on TEXT NOT NULL,
    reference TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    calculation_version TEXT NOT NULL,
    answer BYTEA NOT NULL,
    PRIMARY KEY (plan_id, number),
    FOREIGN KEY (plan_id, number) REFERENCES plan_versions (plan_id, number)
);
