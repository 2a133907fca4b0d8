// Incidents and their analysis runs. An incident is re-analysed as facts change; every run is kept
// (with the incident as it was submitted and the models it used) so runs can be compared.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';
import type { SqliteDatabase } from './database.js';
import { StatementTimer } from './statementTimer.js';

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
}

/** What a run brought from another post carries: the rest of a summary is derived from it. */
export type RunToImport = Pick<StoredRun, 'runId' | 'seq' | 'createdAt' | 'incident' | 'result' | 'models'>;

export interface StoredRun extends RunSummary { incident: Incident; result: AnalysisResult; models: Record<string, string> }

interface RunRow {
  id: string; incident_id: string; seq: number; created_at: string; status: AnalysisResult['status'];
  type: string | null; severity: string | null; total_ms: number | null; incident_json: string; result_json: string;
}

const summary = (row: RunRow): RunSummary => {
  const incident = JSON.parse(row.incident_json) as Incident;
  return {
    runId: row.id, incidentId: row.incident_id, seq: row.seq, createdAt: row.created_at, status: row.status,
    type: row.type, severity: row.severity, totalMs: row.total_ms, text: incident.text.slice(0, 200),
    reportedAt: incident.reportedAt ?? null, location: incident.location ? { lat: incident.location.lat, lon: incident.location.lon } : null,
  };
};

/** The store's read queries with representative parameters: what the index advisor explains. */
export const STORE_QUERIES: ReadonlyArray<{ name: string; sql: string; params: unknown[] }> = [
  { name: 'recent', sql: 'SELECT * FROM runs ORDER BY created_at DESC, seq DESC LIMIT ?', params: [50] },
  { name: 'byIncident', sql: 'SELECT * FROM runs WHERE incident_id = ? ORDER BY seq DESC LIMIT ?', params: ['x', 50] },
  { name: 'run', sql: 'SELECT * FROM runs WHERE id = ?', params: ['x'] },
  { name: 'latestOfIncident', sql: 'SELECT * FROM runs WHERE incident_id = ? ORDER BY seq DESC LIMIT 1', params: ['x'] },
  { name: 'previous', sql: 'SELECT id FROM runs WHERE incident_id = ? AND seq = ?', params: ['x', 1] },
  { name: 'models', sql: 'SELECT model_name, model_version FROM run_models WHERE run_id = ?', params: ['x'] },
  // Every model version the incident's runs named, oldest run first: the first naming each model wins.
  { name: 'incidentModels', sql: 'SELECT m.model_name, m.model_version FROM runs r JOIN run_models m ON m.run_id = r.id WHERE r.incident_id = ? ORDER BY r.seq', params: ['x'] },
  { name: 'keepModels', sql: 'SELECT keep_models FROM incidents WHERE id = ?', params: ['x'] },
];

/** A run's model choice as the incidents row keeps it: 1 keep, 0 live, null not chosen (the row's stays). */
const keepModelsFlag = (result: AnalysisResult): 0 | 1 | null => (result.modelChoice === undefined ? null : result.modelChoice === 'incident' ? 1 : 0);

export class AnalysisStore {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase, readonly timer = new StatementTimer()) {
    this.statements = {
      // keep_models follows the run's model choice when it made one (@keep null: left as it was).
      upsertIncident: db.prepare(`INSERT INTO incidents (id, created_at, updated_at, latest_text, run_count, keep_models) VALUES (@id, @now, @now, @text, 1, COALESCE(@keep, 0))
        ON CONFLICT(id) DO UPDATE SET updated_at = @now, latest_text = @text, run_count = run_count + 1, keep_models = COALESCE(@keep, keep_models) RETURNING run_count`),
      insertRun: db.prepare(`INSERT INTO runs (id, incident_id, seq, created_at, status, type, severity, total_ms, incident_json, result_json)
        VALUES (@id, @incidentId, @seq, @createdAt, @status, @type, @severity, @totalMs, @incidentJson, @resultJson)`),
      insertModel: db.prepare('INSERT INTO run_models (run_id, model_name, model_version) VALUES (?, ?, ?)'),
      ...Object.fromEntries(STORE_QUERIES.map((q) => [q.name, db.prepare(q.sql)])) as Record<'recent' | 'byIncident' | 'run' | 'latestOfIncident' | 'previous' | 'models' | 'incidentModels' | 'keepModels', Database.Statement>,
    };
  }

  /** Saves one run atomically: the incident row, the run and its models, or nothing at all. */
  saveRun(incident: Incident, result: AnalysisResult): AnalysisResult {
    return this.saveRuns([{ incident, result }])[0] as AnalysisResult;
  }

  /** Saves several runs in one transaction (one fsync): all of them or none. */
  saveRuns(items: ReadonlyArray<{ incident: Incident; result: AnalysisResult }>): AnalysisResult[] {
    return this.timer.run('saveRuns', () => this.db.transaction(() => items.map(({ incident, result }) => {
      const runId = randomUUID();
      const createdAt = result.analysedAt ?? new Date().toISOString();
      const keep = keepModelsFlag(result);
      const { run_count: seq } = this.statements.upsertIncident.get({ id: result.id, now: createdAt, text: incident.text, keep }) as { run_count: number };
      const stored: AnalysisResult = { ...result, runId };
      this.statements.insertRun.run({
        id: runId, incidentId: result.id, seq, createdAt, status: result.status,
        type: result.strategist?.type ?? null, severity: result.strategist?.severity ?? null, totalMs: result.timingsMs.total ?? null,
        incidentJson: JSON.stringify(incident), resultJson: JSON.stringify(stored),
      });
      for (const [name, version] of Object.entries(result.models)) this.statements.insertModel.run(runId, name, version);
      return stored;
    }))());
  }

  history(limit = 50, incidentId?: string): RunSummary[] {
    const rows = incidentId
      ? this.timer.run('byIncident', () => this.statements.byIncident.all(incidentId, limit))
      : this.timer.run('recent', () => this.statements.recent.all(limit));
    return (rows as RunRow[]).map(summary);
  }

  /** A run by its id, or the latest run of an incident by the incident's id. */
  find(id: string): StoredRun | undefined {
    const row = (this.timer.run('run', () => this.statements.run.get(id)) ?? this.timer.run('latestOfIncident', () => this.statements.latestOfIncident.get(id))) as RunRow | undefined;
    if (!row) return undefined;
    const modelRows = this.timer.run('models', () => this.statements.models.all(row.id)) as Array<{ model_name: string; model_version: string }>;
    const models = Object.fromEntries(modelRows.map((m) => [m.model_name, m.model_version]));
    return { ...summary(row), incident: JSON.parse(row.incident_json) as Incident, result: JSON.parse(row.result_json) as AnalysisResult, models };
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
        this.statements.insertRun.run({
          id: run.runId, incidentId, seq: run.seq, createdAt: run.createdAt, status: run.result.status,
          type: run.result.strategist?.type ?? null, severity: run.result.strategist?.severity ?? null, totalMs: run.result.timingsMs.total ?? null,
          incidentJson: JSON.stringify(run.incident), resultJson: JSON.stringify(run.result),
        });
        for (const [name, version] of Object.entries(run.models)) this.statements.insertModel.run(run.runId, name, version);
      }
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
