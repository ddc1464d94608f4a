-- Envelopes (the AP of an AP/CP view): a funder's credits for a programme or a budget line, per budget year or over
-- a period; the portfolio shows what the plans commit against each, and saving a plan that would exceed one warns.
CREATE TABLE envelopes (
    workspace_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    funder_key TEXT NOT NULL,
    programme_id TEXT NULL,
    from_year INTEGER NOT NULL,
    to_year INTEGER NOT NULL,
    total_cents BIGINT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE envelope_years (
    workspace_id TEXT NOT NULL,
    envelope_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    amount_cents BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, envelope_id, year)
);
