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
  // 2: the second level of the analysis cache (engine/cache), surviving restarts. Values are compact
  // (deflated JSON) with a CRC so a corrupted entry is detected and recomputed, never served.
  `
  CREATE TABLE cache_entries (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    crc INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    fresh_until INTEGER NOT NULL,
    stale_until INTEGER NOT NULL,
    hits INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX cache_by_expiry ON cache_entries (stale_until);
  CREATE INDEX cache_by_hits ON cache_entries (hits DESC);
  CREATE TABLE cache_tags (
    tag TEXT NOT NULL,
    key TEXT NOT NULL REFERENCES cache_entries(key) ON DELETE CASCADE,
    PRIMARY KEY (tag, key)
  ) WITHOUT ROWID;
  CREATE INDEX cache_tags_by_key ON cache_tags (key);
  -- the history's newest-first order with its tie-breaker, without a temporary sort (db advise)
  DROP INDEX runs_by_time;
  CREATE INDEX runs_by_time ON runs (created_at DESC, seq DESC);
  `,
  // 3: model updates (engine/updates, docs/updates.md): every model version this device has held, where
  // it came from and its state (at most one live per model); every step of every update, gate and
  // rollback; and the highest version of each model any channel has offered (downgrade protection).
  `
  CREATE TABLE model_versions (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('staged', 'ready', 'live', 'refused', 'rolled_back', 'revoked', 'retired')),
    sha256 TEXT NOT NULL,
    facts_json TEXT,
    gate_json TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (name, version)
  );
  CREATE UNIQUE INDEX one_live_version_per_model ON model_versions (name) WHERE state = 'live';
  CREATE TABLE model_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    name TEXT NOT NULL,
    version INTEGER,
    event TEXT NOT NULL,
    code TEXT,
    detail_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX model_events_by_model ON model_events (name, id DESC);
  CREATE TABLE model_highest_seen (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL
  );
  `,
  // 4: whether an incident's re-runs keep the model versions its first run used, as the commander last
  // chose (docs/updates.md#keeping-an-incidents-models); 0 = the live versions.
  `
  ALTER TABLE incidents ADD COLUMN keep_models INTEGER NOT NULL DEFAULT 0 CHECK (keep_models IN (0, 1));
  `,
  // 5: rows integrity_check cannot see, and retried submissions (docs/hardening.md#rows-retries-and-purge).
  // checksum: the sha256 of everything a run serves (store/runChecksum.ts), checked on every read; the runs
  // already here get theirs in the same transaction (MIGRATION_BACKFILLS). idempotency_key: the client's
  // key for the submission that made the run, and request_sha256 the hash of what it asked, so a retry
  // finds its run even after a crash between the commit and the reply.
  `
  ALTER TABLE runs ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
  ALTER TABLE runs ADD COLUMN idempotency_key TEXT;
  ALTER TABLE runs ADD COLUMN request_sha256 TEXT;
  CREATE UNIQUE INDEX runs_by_idempotency_key ON runs (idempotency_key) WHERE idempotency_key IS NOT NULL;
  `,
];
