-- The portfolio: every saved version's figures as rows (funder, budget year, contribution, payment, in cents), written
-- with the version (replaced by the frozen answer's when it is signed), and every execution entry's (received, due),
-- so that what each funder owes across plans is one indexed query, not a re-evaluation of every plan. A funder's key
-- is "siren:<SIREN>" when the plan gives its SIREN, else "id:<id>"; carrier_key is the plan's carrier's key.
-- Flags say which rows count, kept up to date with every write of their plan (PortfolioStore.RefreshFlagsAsync):
-- is_latest (the plan's latest version, or latest entry), is_committed (its latest signed version), plan_signed (the
-- plan has a signature), archived (the plan is archived); so that a portfolio reads covering indexes, without joins.
CREATE TABLE version_figures (
    plan_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    workspace_id TEXT NOT NULL,
    funder_id TEXT NOT NULL,
    funder_key TEXT NOT NULL,
    funder_name TEXT NOT NULL,
    siren TEXT NULL,
    is_carrier INTEGER NOT NULL,
    carrier_key TEXT NULL,
    programme_id TEXT NULL,
    year INTEGER NOT NULL,
    contribution_cents BIGINT NOT NULL,
    payment_cents BIGINT NOT NULL,
    is_latest INTEGER NOT NULL DEFAULT 0,
    is_committed INTEGER NOT NULL DEFAULT 0,
    plan_signed INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, number, funder_id, year)
);
CREATE INDEX ix_version_figures_funder ON version_figures
    (workspace_id, funder_key, year, is_latest, is_committed, archived, plan_signed, is_carrier, contribution_cents, payment_cents, plan_id, number);
CREATE INDEX ix_version_figures_carrier ON version_figures
    (workspace_id, carrier_key, year, is_committed, is_carrier, archived, plan_signed, payment_cents);

CREATE TABLE execution_figures (
    plan_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    workspace_id TEXT NOT NULL,
    funder_id TEXT NOT NULL,
    funder_key TEXT NOT NULL,
    is_carrier INTEGER NOT NULL,
    carrier_key TEXT NULL,
    year INTEGER NOT NULL,
    received_cents BIGINT NOT NULL,
    due_cents BIGINT NOT NULL,
    is_latest INTEGER NOT NULL DEFAULT 0,
    plan_signed INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, number, funder_id, year)
);
CREATE INDEX ix_execution_figures_funder ON execution_figures
    (workspace_id, funder_key, year, is_latest, archived, plan_signed, received_cents, due_cents);
CREATE INDEX ix_execution_figures_carrier ON execution_figures
    (workspace_id, carrier_key, year, is_latest, is_carrier, archived, plan_signed, received_cents);

-- Each funder key's name, SIREN and id, as the last version written gives them.
CREATE TABLE portfolio_funders (
    workspace_id TEXT NOT NULL,
    funder_key TEXT NOT NULL,
    funder_id TEXT NOT NULL,
    funder_name TEXT NOT NULL,
    siren TEXT NULL,
    PRIMARY KEY (workspace_id, funder_key)
);

-- Every id a funder key was given in the plans: a funder asked by its id is found under its SIREN's key too.
CREATE TABLE portfolio_funder_ids (
    workspace_id TEXT NOT NULL,
    funder_id TEXT NOT NULL,
    funder_key TEXT NOT NULL,
    PRIMARY KEY (workspace_id, funder_id, funder_key)
);

-- Versions and entries saved before the portfolio have no rows yet: they are computed once, when a portfolio is asked.
ALTER TABLE plan_versions ADD COLUMN figures_stored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN figures_stored INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_plan_versions_unstored ON plan_versions (plan_id, number) WHERE figures_stored = 0;
CREATE INDEX ix_executions_unstored ON executions (plan_id, number) WHERE figures_stored = 0;

-- A workspace may say that two funder ids are the same body (without a SIREN in the plans).
CREATE TABLE funder_aliases (
    workspace_id TEXT NOT NULL,
    funder_id TEXT NOT NULL,
    same_as TEXT NOT NULL,
    PRIMARY KEY (workspace_id, funder_id)
);
