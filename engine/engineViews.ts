// Read-only views of the engine that every host offers (HTTP API, Electron IPC): one implementation,
// so the desktop app and the browser mode can never disagree.
import { ERROR_CODES, SafeError } from './contract/errors.js';
import type { Engine } from './engine.js';
import { inventoryModels, type ModelInfo } from './inference/modelInventory.js';
import { compareRuns, type RunChange } from './report/compareRuns.js';
import type { RunSummary } from './store/analysisStore.js';
import type { AnalysisResult } from './contract/result.js';
import type { Incident } from './contract/incident.js';

export { ENGINE_VERSION } from './engineVersion.js';
import { ENGINE_VERSION } from './engineVersion.js';

export function healthView(engine: Engine) {
  const q = engine.orchestrator.queue;
  return {
    status: q.workers > 0 ? 'ok' as const : 'degraded' as const, version: ENGINE_VERSION, uptimeS: Math.round((Date.now() - engine.startedAt) / 1000),
    workers: q.workers, replacedWorkers: q.replacedWorkers, queue: { running: q.running, interactive: q.interactive, batch: q.batch }, models: engine.orchestrator.models,
  };
}

export function storedRunView(engine: Engine, id: string): { run: RunSummary; incident: Incident; result: AnalysisResult; models: Record<string, string>; changesSincePrevious: RunChange[] } {
  const run = engine.store.find(id);
  if (!run) throw new SafeError(ERROR_CODES.NOT_FOUND, `no run or incident with id ${id}`);
  const previous = engine.store.previous(run);
  const { incident, result, models, ...summary } = run;
  return { run: summary, incident, result, models, changesSincePrevious: previous ? compareRuns(previous.result, result) : [] };
}

export function modelsView(engine: Engine): ModelInfo[] {
  return inventoryModels(engine.config.modelsDir, engine.orchestrator.models);
}

export async function statsView(engine: Engine) {
  const cache = engine.cache.stats();
  const inference = await engine.orchestrator.inferenceStats();
  return {
    inference,
    analysesTotal: engine.orchestrator.analysesTotal, retriesTotal: engine.orchestrator.retriesTotal, agents: engine.orchestrator.timings.snapshot(),
    queries: engine.store.timer.stats.snapshot(),
    cache: { l1: { ...cache.l1 }, l2: { ...cache.l2 }, analyses: { computes: cache.computes, joins: cache.joins, refreshes: cache.refreshes } },
  };
}
