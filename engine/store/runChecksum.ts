// A checksum per stored run (docs/hardening.md#rows-retries-and-purge): `PRAGMA integrity_check` sees
// damaged pages and indexes, not a flipped byte inside a row's text. Every run row carries the sha256 of
// everything it serves (its columns and its models) and every read checks it, so a damaged run is
// refused with SAFE_E_RUN_DAMAGED, never shown as if it were what the engine said.
import { createHash } from 'node:crypto';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type Database from 'better-sqlite3';

/** The columns of a run row the checksum covers: all of them but the checksum itself. */
export interface ChecksummedRow {
  id: string; incident_id: string; seq: number; created_at: string; status: string; type: string | null; severity: string | null;
  total_ms: number | null; incident_json: string; result_json: string; idempotency_key: string | null; request_sha256: string | null;
}

/** Names the algorithm, so a later one can be told apart from this one. */
const PREFIX = 'sha256:';

/** The checksum of a run row and its models (name → version, in any order). Each value is fed to the hash
 *  with its kind and length, so no two different rows give the same stream (and no JSON is built: this
 *  runs on every read). */
export function runChecksum(row: ChecksummedRow, models: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  const feed = (value: string | number | null) => {
    if (value === null) hash.update('n;');
    else if (typeof value === 'number') hash.update(`d${value};`);
    else hash.update(`s${value.length}:`).update(value);
  };
  for (const value of [row.id, row.incident_id, row.seq, row.created_at, row.status, row.type, row.severity, row.total_ms,
    row.incident_json, row.result_json, row.idempotency_key, row.request_sha256]) feed(value);
  const names = Object.keys(models).sort();
  feed(names.length);
  for (const name of names) { feed(name); feed(models[name] as string); }
  return PREFIX + hash.digest('hex');
}

/** The error for a run whose bytes are not those that were saved. */
export function runDamaged(runId: string): SafeError {
  return new SafeError(ERROR_CODES.RUN_DAMAGED,
    `run ${runId} is damaged: its stored bytes no longer match their checksum, so it is not shown. Restore the newest good backup (safe-edge db restore FILE; docs/storage.md)`, 'id');
}

/** Throws SAFE_E_RUN_DAMAGED unless the row and its models are as they were saved. */
export function verifyRun(row: ChecksummedRow & { checksum: string }, models: Readonly<Record<string, string>>): void {
  if (row.checksum !== runChecksum(row, models)) throw runDamaged(row.id);
}

/** Migration 5: gives every run already stored its checksum (its bytes as they are now). */
export function backfillRunChecksums(db: Database.Database): void {
  const models = db.prepare('SELECT model_name, model_version FROM run_models WHERE run_id = ?');
  const update = db.prepare('UPDATE runs SET checksum = ? WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM runs').all() as ChecksummedRow[]) {
    const pairs = models.all(row.id) as Array<{ model_name: string; model_version: string }>;
    update.run(runChecksum(row, Object.fromEntries(pairs.map((m) => [m.model_name, m.model_version]))), row.id);
  }
}
