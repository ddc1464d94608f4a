-- The list page (latest changed first, then by id) read in index order, without sorting the workspace.
CREATE INDEX ix_saved_plans_list ON saved_plans (workspace_id, updated_at DESC, id);
DROP INDEX ix_saved_plans_workspace;
