-- What was actually spent and received on a saved plan, recorded entry by entry (never changed): each entry holds the
-- actual expenses and receipts as POST /v1/plans/execution takes them, and the plan version they apply to.
CREATE TABLE executions (
    plan_id TEXT NOT NULL REFERENCES saved_plans (id),
    number INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT NOT NULL,
    comment TEXT NOT NULL,
    execution_json TEXT NOT NULL,
    PRIMARY KEY (plan_id, number),
    FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, number)
);
