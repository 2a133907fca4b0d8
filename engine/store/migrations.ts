// Schema migrations, applied in order inside one transaction each; PRAGMA user_version records the last
// one applied. Never edit a shipped migration: add the next one.
export const MIGRATIONS: readonly string[] = [
  // 1: incidents, every analysis run of them, and the model versions each run used.
  `
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    latest_text TEXT NOT NULL,
    run_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'error')),
    type TEXT,
    severity TEXT,
    total_ms REAL,
    incident_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    UNIQUE (incident_id, seq)
  );
  CREATE INDEX runs_by_time ON runs (created_at DESC);
  CREATE TABLE run_models (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    model_name TEXT NOT NULL,
    model_version TEXT NOT NULL,
    PRIMARY KEY (run_id, model_name)
  );
  `,
];
