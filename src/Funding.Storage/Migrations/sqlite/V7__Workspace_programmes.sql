-- A workspace's own programmes (a Region's or a Department's scheme), in the catalogue's schema: every save is a new
-- version, never changed, so that a plan naming a version is checked against the same rules tomorrow.
CREATE TABLE workspace_programmes (
    workspace_id TEXT NOT NULL,
    programme_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (workspace_id, programme_id, version)
);
