// The device's record of its model versions (SQLite, migration 3): which version of each model is live,
// which are staged, ready, refused, rolled back or revoked, the facts and gate figures behind each, and
// every step of every update as an event. `safe-edge models history` and the Models page read it.
import type { SqliteDatabase } from '../store/database.js';
import type { ModelTargetFacts } from '../contract/modelChannel.js';

export type VersionState = 'staged' | 'ready' | 'live' | 'refused' | 'rolled_back' | 'revoked' | 'retired';
/** Where a version came from: the app build's own models, or a channel (its URL or folder). */
export const SHIPPED_SOURCE = 'shipped';

export interface ModelVersionRow {
  name: string; version: number; source: string; state: VersionState; sha256: string;
  facts: ModelTargetFacts | null; gate: Record<string, unknown> | null; updatedAt: string;
}

export interface ModelEvent { id: number; at: string; name: string; version: number | null; event: string; code: string | null; detail: Record<string, unknown> }

interface VersionDbRow { name: string; version: number; source: string; state: VersionState; sha256: string; facts_json: string | null; gate_json: string | null; updated_at: string }

const toRow = (r: VersionDbRow): ModelVersionRow => ({
  name: r.name, version: r.version, source: r.source, state: r.state, sha256: r.sha256,
  facts: r.facts_json ? JSON.parse(r.facts_json) as ModelTargetFacts : null, gate: r.gate_json ? JSON.parse(r.gate_json) as Record<string, unknown> : null, updatedAt: r.updated_at,
});

export class ModelLedger {
  /** `beforeWrite` throws to refuse every write (the engine's DATABASE_DAMAGED guard, docs/hardening.md#integrity):
   *  an update, a trial's start or end, a rollback never reaches SQLite's own read-only refusal. */
  constructor(private readonly db: SqliteDatabase, private readonly now: () => Date = () => new Date(), private readonly beforeWrite: () => void = () => {}) {}

  private stamp(): string { return this.now().toISOString(); }

  /** Throws what a write would (DATABASE_DAMAGED on a damaged database) before work that must end in one. */
  assertWritable(): void { this.beforeWrite(); }

  record(name: string, version: number | null, event: string, detail: Record<string, unknown> = {}, code: string | null = null): void {
    this.beforeWrite();
    this.db.prepare('INSERT INTO model_events (at, name, version, event, code, detail_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.stamp(), name, version, event, code, JSON.stringify(detail));
  }

  /** Inserts or updates a version's row. */
  upsert(row: { name: string; version: number; source: string; state: VersionState; sha256: string; facts?: ModelTargetFacts | null; gate?: Record<string, unknown> | null }): void {
    this.beforeWrite();
    this.db.prepare(`INSERT INTO model_versions (name, version, source, state, sha256, facts_json, gate_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name, version) DO UPDATE SET source = excluded.source, state = excluded.state, sha256 = excluded.sha256,
        facts_json = COALESCE(excluded.facts_json, facts_json), gate_json = COALESCE(excluded.gate_json, gate_json), updated_at = excluded.updated_at`)
      .run(row.name, row.version, row.source, row.state, row.sha256, row.facts ? JSON.stringify(row.facts) : null, row.gate ? JSON.stringify(row.gate) : null, this.stamp());
  }

  setState(name: string, version: number, state: VersionState): void {
    this.beforeWrite();
    this.db.prepare('UPDATE model_versions SET state = ?, updated_at = ? WHERE name = ? AND version = ?').run(state, this.stamp(), name, version);
  }

  /** Makes `version` the live one of `name` (the one live before becomes `previousState`), in one transaction. */
  makeLive(name: string, version: number, previousState: VersionState = 'retired'): void {
    this.beforeWrite();
    this.db.transaction(() => {
      this.db.prepare("UPDATE model_versions SET state = ?, updated_at = ? WHERE name = ? AND state = 'live' AND version <> ?").run(previousState, this.stamp(), name, version);
      this.setState(name, version, 'live');
    })();
  }

  version(name: string, version: number): ModelVersionRow | null {
    const row = this.db.prepare('SELECT * FROM model_versions WHERE name = ? AND version = ?').get(name, version) as VersionDbRow | undefined;
    return row ? toRow(row) : null;
  }

  versions(name?: string): ModelVersionRow[] {
    const rows = (name
      ? this.db.prepare('SELECT * FROM model_versions WHERE name = ? ORDER BY version DESC').all(name)
      : this.db.prepare('SELECT * FROM model_versions ORDER BY name, version DESC').all()) as VersionDbRow[];
    return rows.map(toRow);
  }

  /** Model name → its live row (only models an update or rollback has touched have one). */
  live(): Map<string, ModelVersionRow> {
    const rows = this.db.prepare("SELECT * FROM model_versions WHERE state = 'live'").all() as VersionDbRow[];
    return new Map(rows.map((r) => [r.name, toRow(r)]));
  }

  highestSeen(name: string): number {
    const row = this.db.prepare('SELECT version FROM model_highest_seen WHERE name = ?').get(name) as { version: number } | undefined;
    return row?.version ?? 0;
  }

  noteSeen(name: string, version: number): void {
    this.beforeWrite();
    this.db.prepare('INSERT INTO model_highest_seen (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = MAX(version, excluded.version)').run(name, version);
  }

  events(limit = 200, name?: string): ModelEvent[] {
    const rows = (name
      ? this.db.prepare('SELECT * FROM model_events WHERE name = ? ORDER BY id DESC LIMIT ?').all(name, limit)
      : this.db.prepare('SELECT * FROM model_events ORDER BY id DESC LIMIT ?').all(limit)) as Array<{ id: number; at: string; name: string; version: number | null; event: string; code: string | null; detail_json: string }>;
    return rows.map((r) => ({ id: r.id, at: r.at, name: r.name, version: r.version, event: r.event, code: r.code, detail: JSON.parse(r.detail_json) as Record<string, unknown> }));
  }
}
