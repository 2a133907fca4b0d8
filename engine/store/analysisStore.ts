// Incidents and their analysis runs. An incident is re-analysed as facts change; every run is kept
// (with the incident as it was submitted and the models it used) so runs can be compared.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';
import type { SqliteDatabase } from './database.js';
import { StatementTimer } from './statementTimer.js';
import { runChecksum, runDamaged, verifyRun, type ChecksummedRow } from './runChecksum.js';
import { ERROR_CODES, type SafeErrorBody } from '../contract/errors.js';

export interface RunSummary {
  runId: string;
  incidentId: string;
  seq: number;
  createdAt: string;
  status: AnalysisResult['status'];
  type: string | null;
  severity: string | null;
  totalMs: number | null;
  text: string;
  /** The incident's reported time and coordinates, as submitted (null when not given). */
  reportedAt: string | null;
  location: { lat: number; lon: number } | null;
  /** Set when the run's bytes no longer match their checksum: nothing else in this summary comes from it. */
  damaged?: SafeErrorBody;
}

/** What a run brought from another post carries: the rest of a summary is derived from it. */
export type RunToImport = Pick<StoredRun, 'runId' | 'seq' | 'createdAt' | 'incident' | 'result' | 'models'>;

export interface StoredRun extends RunSummary { incident: Incident; result: AnalysisResult; models: Record<string, string> }

/** What a submission carrying an idempotency key stores with its run (docs/hardening.md#rows-retries-and-purge). */
export interface Submission { key: string; requestSha256: string }

/** A run row as the store's queries read it. */
interface RunRow extends ChecksummedRow { status: AnalysisResult['status']; checksum: string }

const summary = (row: RunRow): RunSummary => {
  const incident = JSON.parse(row.incident_json) as Incident;
  return {
    runId: row.id, incidentId: row.incident_id, seq: row.seq, createdAt: row.created_at, status: row.status,
    type: row.type, severity: row.severity, totalMs: row.total_ms, text: incident.text.slice(0, 200),
    reportedAt: incident.reportedAt ?? null, location: incident.location ? { lat: incident.location.lat, lon: incident.location.lon } : null,
  };
};

/** A damaged run in a list: listed (so it does not vanish unseen) by its keys, but nothing it holds is shown. */
const damagedSummary = (row: RunRow): RunSummary => ({
  runId: row.id, incidentId: row.incident_id, seq: row.seq, createdAt: row.created_at, status: 'error',
  type: null, severity: null, totalMs: null, text: '', reportedAt: null, location: null, damaged: runDamaged(row.id).toBody(),
});

const storedRun = (row: RunRow, models: Record<string, string>): StoredRun => ({
  ...summary(row), incident: JSON.parse(row.incident_json) as Incident, result: JSON.parse(row.result_json) as AnalysisResult, models,
});

/** The models of up to MODELS_CHUNK runs in one statement (one per chunk size, prepared once). */
const MODELS_CHUNK = 64;
function modelsOfRunsSql(count: number): string {
  return `SELECT run_id, model_name, model_version FROM run_models WHERE run_id IN (${Array.from({ length: count }, () => '?').join(', ')})`;
}

/** The store's read queries with representative parameters: what the index advisor explains. */
export const STORE_QUERIES: ReadonlyArray<{ name: string; sql: string; params: unknown[] }> = [
  { name: 'recent', sql: 'SELECT * FROM runs ORDER BY created_at DESC, seq DESC LIMIT ?', params: [50] },
  { name: 'byIncident', sql: 'SELECT * FROM runs WHERE incident_id = ? ORDER BY seq DESC LIMIT ?', params: ['x', 50] },
  { name: 'run', sql: 'SELECT * FROM runs WHERE id = ?', params: ['x'] },
  { name: 'latestOfIncident', sql: 'SELECT * FROM runs WHERE incident_id = ? ORDER BY seq DESC LIMIT 1', params: ['x'] },
  { name: 'byIdempotencyKey', sql: 'SELECT * FROM runs WHERE idempotency_key = ?', params: ['k'] },
  { name: 'previous', sql: 'SELECT id FROM runs WHERE incident_id = ? AND seq = ?', params: ['x', 1] },
  { name: 'models', sql: 'SELECT model_name, model_version FROM run_models WHERE run_id = ?', params: ['x'] },
  // The models of a page of the history at once, to check its runs' checksums (modelsOfRuns).
  { name: 'modelsOfRuns', sql: modelsOfRunsSql(2), params: ['x', 'y'] },
  // Every model version the incident's runs named, oldest run first: the first naming each model wins.
  { name: 'incidentModels', sql: 'SELECT m.model_name, m.model_version FROM runs r JOIN run_models m ON m.run_id = r.id WHERE r.incident_id = ? ORDER BY r.seq', params: ['x'] },
  { name: 'keepModels', sql: 'SELECT keep_models FROM incidents WHERE id = ?', params: ['x'] },
];
type StoreQueryName = 'recent' | 'byIncident' | 'run' | 'latestOfIncident' | 'byIdempotencyKey' | 'previous' | 'models' | 'modelsOfRuns' | 'incidentModels' | 'keepModels';

/** A run's model choice as the incidents row keeps it: 1 keep, 0 live, null not chosen (the row's stays). */
const keepModelsFlag = (result: AnalysisResult): 0 | 1 | null => (result.modelChoice === undefined ? null : result.modelChoice === 'incident' ? 1 : 0);

export class AnalysisStore {
  private readonly statements;
  /** modelsOfRuns' statements by the number of runs they ask for. */
  private readonly modelsIn = new Map<number, Database.Statement>();

  constructor(private readonly db: SqliteDatabase, readonly timer = new StatementTimer()) {
    this.statements = {
      // keep_models follows the run's model choice when it made one (@keep null: left as it was).
      upsertIncident: db.prepare(`INSERT INTO incidents (id, created_at, updated_at, latest_text, run_count, keep_models) VALUES (@id, @now, @now, @text, 1, COALESCE(@keep, 0))
        ON CONFLICT(id) DO UPDATE SET updated_at = @now, latest_text = @text, run_count = run_count + 1, keep_models = COALESCE(@keep, keep_models) RETURNING run_count`),
      insertRun: db.prepare(`INSERT INTO runs (id, incident_id, seq, created_at, status, type, severity, total_ms, incident_json, result_json, idempotency_key, request_sha256, checksum)
        VALUES (@id, @incident_id, @seq, @created_at, @status, @type, @severity, @total_ms, @incident_json, @result_json, @idempotency_key, @request_sha256, @checksum)`),
      insertModel: db.prepare('INSERT INTO run_models (run_id, model_name, model_version) VALUES (?, ?, ?)'),
      ...Object.fromEntries(STORE_QUERIES.map((q) => [q.name, db.prepare(q.sql)])) as Record<StoreQueryName, Database.Statement>,
    };
  }

  /** Saves one run atomically: the incident row, the run and its models, or nothing at all. */
  saveRun(incident: Incident, result: AnalysisResult, submission?: Submission): AnalysisResult {
    return this.saveRuns([{ incident, result, submission }])[0] as AnalysisResult;
  }

  /**
   * Saves several runs in one transaction (one fsync): all of them or none. A run whose submission key is
   * already stored (another process saved it first) is not saved again: its stored run is answered, or,
   * if that one asked something else, this result with a saveError naming the conflict.
   */
  saveRuns(items: ReadonlyArray<{ incident: Incident; result: AnalysisResult; submission?: Submission }>): AnalysisResult[] {
    return this.timer.run('saveRuns', () => this.db.transaction(() => items.map(({ incident, result, submission }) => {
      const already = submission ? this.statements.byIdempotencyKey.get(submission.key) as RunRow | undefined : undefined;
      if (already) return this.alreadySaved(already, result, submission as Submission);
      const runId = randomUUID();
      const createdAt = result.analysedAt ?? new Date().toISOString();
      const keep = keepModelsFlag(result);
      const { run_count: seq } = this.statements.upsertIncident.get({ id: result.id, now: createdAt, text: incident.text, keep }) as { run_count: number };
      const stored: AnalysisResult = { ...result, runId };
      this.insert({ runId, incidentId: result.id, seq, createdAt, incident, result: stored, models: result.models }, submission);
      return stored;
    }))());
  }

  /** The models of many runs (run id → name → version), in one statement per MODELS_CHUNK runs: the
   *  history checks each run's checksum, and one query per run would cost more than the hashing. */
  private modelsOfRuns(runIds: readonly string[]): Map<string, Record<string, string>> {
    const models = new Map(runIds.map((id) => [id, {} as Record<string, string>]));
    for (let start = 0; start < runIds.length; start += MODELS_CHUNK) {
      const chunk = runIds.slice(start, start + MODELS_CHUNK);
      let statement = this.modelsIn.get(chunk.length);
      if (!statement) this.modelsIn.set(chunk.length, statement = this.db.prepare(modelsOfRunsSql(chunk.length)));
      const rows = this.timer.run('modelsOfRuns', () => (statement as Database.Statement).all(...chunk)) as Array<{ run_id: string; model_name: string; model_version: string }>;
      for (const row of rows) (models.get(row.run_id) as Record<string, string>)[row.model_name] = row.model_version;
    }
    return models;
  }

  /** A run's models (name → version), read to check its checksum. */
  private modelsOf(runId: string): Record<string, string> {
    const rows = this.timer.run('models', () => this.statements.models.all(runId)) as Array<{ model_name: string; model_version: string }>;
    return Object.fromEntries(rows.map((m) => [m.model_name, m.model_version]));
  }

  /** The stored run, once its checksum says its row and models are as they were saved (SAFE_E_RUN_DAMAGED otherwise). */
  private verified(row: RunRow): StoredRun {
    const models = this.modelsOf(row.id);
    verifyRun(row, models);
    return storedRun(row, models);
  }

  /** What saving answers for a submission whose key a stored run already carries. */
  private alreadySaved(row: RunRow, fresh: AnalysisResult, submission: Submission): AnalysisResult {
    if (row.request_sha256 !== submission.requestSha256) {
      return { ...fresh, saveError: { code: ERROR_CODES.IDEMPOTENCY_CONFLICT, message: `not saved: the key ${submission.key} was already used for a submission that asked something else` } };
    }
    try {
      return this.verified(row).result;
    } catch (err) {
      return { ...fresh, saveError: { code: ERROR_CODES.RUN_DAMAGED, message: `not saved: ${(err as Error).message}` } };
    }
  }

  /** One run row (with its checksum) and its models. */
  private insert(run: RunToImport & { incidentId: string }, submission?: Submission): void {
    const row: ChecksummedRow = {
      id: run.runId, incident_id: run.incidentId, seq: run.seq, created_at: run.createdAt, status: run.result.status,
      type: run.result.strategist?.type ?? null, severity: run.result.strategist?.severity ?? null, total_ms: run.result.timingsMs.total ?? null,
      incident_json: JSON.stringify(run.incident), result_json: JSON.stringify(run.result),
      idempotency_key: submission?.key ?? null, request_sha256: submission?.requestSha256 ?? null,
    };
    this.statements.insertRun.run({ ...row, checksum: runChecksum(row, run.models) });
    for (const [name, version] of Object.entries(run.models)) this.statements.insertModel.run(run.runId, name, version);
  }

  /** The newest runs (of one incident, or of all). A damaged run is listed with `damaged` and nothing else it holds. */
  history(limit = 50, incidentId?: string): RunSummary[] {
    const rows = incidentId
      ? this.timer.run('byIncident', () => this.statements.byIncident.all(incidentId, limit))
      : this.timer.run('recent', () => this.statements.recent.all(limit));
    const models = this.modelsOfRuns((rows as RunRow[]).map((row) => row.id));
    return (rows as RunRow[]).map((row) => {
      try {
        verifyRun(row, models.get(row.id) ?? {});
        return summary(row);
      } catch {
        return damagedSummary(row);
      }
    });
  }

  /** A run by its id, or the latest run of an incident by the incident's id; SAFE_E_RUN_DAMAGED if its bytes changed. */
  find(id: string): StoredRun | undefined {
    const row = (this.timer.run('run', () => this.statements.run.get(id)) ?? this.timer.run('latestOfIncident', () => this.statements.latestOfIncident.get(id))) as RunRow | undefined;
    return row ? this.verified(row) : undefined;
  }

  /** The run a submission with this key made, and the hash of what it asked; SAFE_E_RUN_DAMAGED if its bytes changed. */
  findSubmission(key: string): { run: StoredRun; requestSha256: string | null } | undefined {
    const row = this.timer.run('byIdempotencyKey', () => this.statements.byIdempotencyKey.get(key)) as RunRow | undefined;
    return row ? { run: this.verified(row), requestSha256: row.request_sha256 } : undefined;
  }

  /** Every run of an incident, first to last, each with its models: what a handover file carries. */
  incidentRuns(incidentId: string): StoredRun[] {
    const ids = this.db.prepare('SELECT id FROM runs WHERE incident_id = ? ORDER BY seq').pluck().all(incidentId) as string[];
    return ids.map((id) => this.find(id) as StoredRun);
  }

  /**
   * Adds runs made at another post exactly as they were (ids, order, times, models), in one transaction:
   * all of them or none. The caller has checked they do not collide with runs already here.
   */
  importRuns(incidentId: string, runs: ReadonlyArray<RunToImport>): void {
    this.timer.run('importRuns', () => this.db.transaction(() => {
      for (const run of runs) {
        // The choice to keep the incident's models travels with its runs, as it was made at the other post.
        const { run_count: count } = this.statements.upsertIncident.get({ id: incidentId, now: run.createdAt, text: run.incident.text, keep: keepModelsFlag(run.result) }) as { run_count: number };
        if (count < run.seq) this.db.prepare('UPDATE incidents SET run_count = ? WHERE id = ?').run(run.seq, incidentId);
        this.insert({ ...run, incidentId });
      }
    })());
  }

  /**
   * Deletes every incident, or those last analysed before `before` (an ISO time), with all their runs, in
   * one transaction. The caller turns secure_delete on first (store/maintenance.ts, purgeIncidents).
   */
  deleteIncidents(before?: string): { incidents: number; runs: number } {
    return this.timer.run('deleteIncidents', () => this.db.transaction(() => {
      const where = before === undefined ? '' : 'WHERE updated_at < @before';
      const params = before === undefined ? {} : { before };
      // run_models rows go with their runs (ON DELETE CASCADE); runs before their incidents (foreign key).
      const runs = this.db.prepare(`DELETE FROM runs WHERE incident_id IN (SELECT id FROM incidents ${where})`).run(params).changes;
      const incidents = this.db.prepare(`DELETE FROM incidents ${where}`).run(params).changes;
      return { incidents, runs };
    })());
  }

  /** The incident's models: each model at the version the incident's earliest run naming it used (its
   *  first run, unless that one failed before a stage ran the model), and whether the commander chose to
   *  keep them for its re-runs. `versions` is empty for an incident with no run. */
  incidentModels(incidentId: string): { versions: Record<string, string>; keep: boolean } {
    const rows = this.timer.run('incidentModels', () => this.statements.incidentModels.all(incidentId)) as Array<{ model_name: string; model_version: string }>;
    const versions: Record<string, string> = {};
    for (const row of rows) versions[row.model_name] ??= row.model_version;
    const incident = this.timer.run('keepModels', () => this.statements.keepModels.get(incidentId)) as { keep_models: number } | undefined;
    return { versions, keep: incident?.keep_models === 1 };
  }

  /** The run before this one for the same incident, for comparison. */
  previous(run: RunSummary): StoredRun | undefined {
    if (run.seq <= 1) return undefined;
    const row = this.timer.run('previous', () => this.statements.previous.get(run.incidentId, run.seq - 1)) as { id: string } | undefined;
    return row ? this.find(row.id) : undefined;
  }
}
