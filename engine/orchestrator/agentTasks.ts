// What a worker thread does for each stage of the pipeline (pipeline.ts declares the stages and what
// each needs; the runners below are typed by it). The orchestrator ships inputs by structured clone;
// the models live in the worker, loaded once when the worker starts.
import type { PipelineStage } from '../contract/taxonomy.js';
import type { Incident } from '../contract/incident.js';
import type { FieldResult } from '../contract/result.js';
import { readReport } from '../agents/reading/index.js';
import { withFactsFromText } from '../agents/reading/factsForPhysics.js';
import { checkStageOutput } from './stageChecks.js';
import type { AnyStageInput, StageInput, StageOutputs } from './pipeline.js';
import { IncidentClassifier } from '../agents/strategist/classifier/incidentClassifier.js';
import { createInferenceCore, type InferenceCore, type LoadedModel } from '../inference/inferenceCore.js';
import { loadedModelReport, refusedModelReport, type ModelInventory, type RefusedModelReport } from '../inference/modelInventory.js';
import { strategize } from '../agents/strategist/index.js';
import { learnedScreenApplies } from '../agents/strategist/learnedScreen.js';
import { runAwareness } from '../agents/awareness/index.js';
import { runFieldWithSurrogates, type FieldSurrogates } from '../agents/field/index.js';
import { runExecutor } from '../agents/executor/index.js';
import { sopLibrary } from '../knowledge/sopLibrary.js';
import { SurrogateModel } from '../agents/field/surrogate/surrogateModel.js';
import type { SurrogateSpec } from '../agents/field/surrogate/surrogateSpec.js';
import { PLUME_SURROGATE } from '../agents/field/plume/surrogateFeatures.js';
import { FIRE_SURROGATE } from '../agents/field/fire/surrogateFeatures.js';
import { FLOOD_SURROGATE } from '../agents/field/flood/surrogateFeatures.js';
import { SENSOR_ANOMALY_MODEL_NAME, SensorAnomalyModel } from '../agents/awareness/anomalyModel.js';
import { REPORT_SCREEN_MODEL_NAME, ReportScreenModel } from '../agents/strategist/classifier/reportScreen.js';
import type { WorkerMetricsRecorder } from '../metrics/workerMetrics.js';
import type { TaskOptions } from './workerProtocol.js';

/** Counts one inference call into the worker's histograms (docs/metrics.md). */
function observeInto(metrics: WorkerMetricsRecorder) {
  return (model: string, version: string, rows: number, queueWaitsMs: readonly number[]) => {
    metrics.observe('safe_inference_batch_size', [model, version], rows);
    for (const ms of queueWaitsMs) metrics.observe('safe_inference_queue_wait_seconds', [model, version], ms / 1000);
  };
}

export interface WorkerContext {
  core: InferenceCore; classifier: IncidentClassifier; surrogates: FieldSurrogates; sensorAnomaly: SensorAnomalyModel | null; reportScreen: ReportScreenModel | null; warnings: string[];
  precision: 'fp32' | 'int8';
  /** The optional models this context runs without, and why. */
  refused: RefusedModelReport[];
}

/** `metrics`: where the worker counts its inference calls (sent with each task's result). */
export async function createWorkerContext(modelsDir: string, precision: 'fp32' | 'int8' = 'fp32', metrics?: WorkerMetricsRecorder): Promise<WorkerContext> {
  sopLibrary(); // parse and validate the SOPs once, at start-up, not during the first analysis
  const warnings: string[] = [];
  // One inference core per worker; the models are verified and warmed before the worker says ready.
  // A worker runs one agent at a time, so its batcher does not wait for companions (the default delay 0).
  const core = createInferenceCore(modelsDir, {
    log: (msg, fields) => warnings.push(`${msg} ${JSON.stringify(fields ?? {})}`),
    ...(metrics ? { observeBatch: observeInto(metrics) } : {}),
  });
  const refused: RefusedModelReport[] = [];
  const refuse = (name: string, warning: string, err: Error) => { warnings.push(`${warning}: ${err.message}`); refused.push(refusedModelReport(modelsDir, name, precision, false, err)); return null; };
  const optional = <Case>(spec: SurrogateSpec<Case>) => SurrogateModel.load(spec, modelsDir, { core, precision })
    .catch((err: Error) => refuse(spec.name, `${spec.name} not used`, err));
  const surrogates: FieldSurrogates = { plume: await optional(PLUME_SURROGATE), fire: await optional(FIRE_SURROGATE), flood: await optional(FLOOD_SURROGATE) };
  // So is the sensor-anomaly model: without it the A-Agent flags anomalies by the robust z-score alone.
  const sensorAnomaly = await SensorAnomalyModel.load(modelsDir, undefined, core, precision).catch((err: Error) => refuse(SENSOR_ANOMALY_MODEL_NAME, 'sensor anomaly model not used', err));
  // And the report screen: without it the reading step's rules alone say what is not an incident.
  const reportScreen = await ReportScreenModel.load(modelsDir, undefined, core, precision).catch((err: Error) => refuse(REPORT_SCREEN_MODEL_NAME, 'report screen model not used', err));
  try {
    return { core, classifier: await IncidentClassifier.load(modelsDir, undefined, core, precision), surrogates, sensorAnomaly, reportScreen, warnings, precision, refused };
  } catch (err) {
    await core.release(); // the optional models already loaded into it would otherwise stay in memory
    throw err;
  }
}

/** The versions of the models `stage` runs with (results name these, stage by stage). */
export function stageModels(context: WorkerContext, stage: PipelineStage): Record<string, string> {
  const all = workerModels(context);
  const used: Record<PipelineStage, string[]> = {
    reading: [], strategist: [context.classifier.model.manifest.name, ...(context.reportScreen ? [context.reportScreen.model.manifest.name] : [])],
    field: Object.values(context.surrogates).flatMap((m: SurrogateModel<unknown> | null) => (m ? [m.spec.name] : [])),
    awareness: context.sensorAnomaly ? [context.sensorAnomaly.model.manifest.name] : [], executor: [],
  };
  return Object.fromEntries(used[stage].flatMap((name) => (all[name] ? [[name, all[name]]] : [])));
}

/** Model name → version this worker runs. */
export function workerModels(context: WorkerContext): Record<string, string> {
  return {
    [context.classifier.model.manifest.name]: context.classifier.version,
    ...Object.fromEntries(Object.values(context.surrogates).flatMap((m: SurrogateModel<unknown> | null) => (m ? [[m.spec.name, m.version]] : []))),
    ...(context.sensorAnomaly ? { [context.sensorAnomaly.model.manifest.name]: context.sensorAnomaly.version } : {}),
    ...(context.reportScreen ? { [context.reportScreen.model.manifest.name]: context.reportScreen.version } : {}),
  };
}

type StageRunner<S extends PipelineStage> = (context: WorkerContext, input: StageInput<S>, options: TaskOptions) => Promise<StageOutputs[S]> | StageOutputs[S];

/** What this worker verified and loaded, per model, and the optional models it refused: reported to the
 *  pool so the serving thread can answer /v1/models without reading a file. */
export function workerInventory(context: WorkerContext): ModelInventory {
  const optional = [...Object.values(context.surrogates), context.sensorAnomaly, context.reportScreen].flatMap((m: { model: LoadedModel } | null) => (m ? [loadedModelReport(m.model, false)] : []));
  const loaded = [loadedModelReport(context.classifier.model, true), ...optional];
  return { precision: context.precision, loaded: Object.fromEntries(loaded.map((m) => [m.name, m])), refused: context.refused };
}


/** The incident as the F-Agent saw it: the facts it took from the report's words (the wind, the places)
 *  applied again, so the A- and E-Agents draw zones and check places on the same facts as the physics. */
const withFieldFacts = (incident: Incident, field: FieldResult): Incident => withFactsFromText(incident, field.factsFromText ?? []).incident;

const STAGE_RUNNERS: { readonly [S in PipelineStage]: StageRunner<S> } = {
  reading: (_context, { incident }) => readReport(incident),
  // The report screen runs beside the classifier, on a message the rules kept; if it fails the rules' verdict stands.
  strategist: async (context, { incident, reading }) => {
    const screen = context.reportScreen && learnedScreenApplies(incident, reading)
      ? context.reportScreen.notIncidentProbability(incident.text).catch(() => undefined) : undefined;
    const [scores, notIncidentProbability] = await Promise.all([context.classifier.classifyOne(incident.text), screen]);
    return strategize(incident, scores, reading, notIncidentProbability);
  },
  // Facts read from the report's words (magnitude, wind, release) fill what the form left empty.
  // The ensemble is smaller only while the power governor steps down (docs/device-health.md#power-and-heat).
  field: async (context, { incident, reading }, options) => {
    const filled = withFactsFromText(incident, reading.facts);
    const field = await runFieldWithSurrogates(filled.incident, context.surrogates, options.ensembleMembers);
    return filled.used.length ? { ...field, factsFromText: filled.used } : field;
  },
  awareness: async (context, { incident, strategist, field }) => {
    // The anomaly model adds to the robust z-score; if running it fails, the A-Agent still answers with z alone.
    const modelAnomalies = context.sensorAnomaly ? await context.sensorAnomaly.findAnomalies(incident.sensors).catch(() => undefined) : undefined;
    return runAwareness(withFieldFacts(incident, field), strategist, field, modelAnomalies);
  },
  executor: (_context, { incident, strategist, awareness, field }) => runExecutor(withFieldFacts(incident, field), strategist, awareness, field),
};

/** Runs a stage and checks its result against the contract here, on the worker (stageChecks.ts): a NaN or an overflow
 *  becomes this stage's SAFE_E_AGENT_FAILED, never a reply the API would refuse to send. `input` was
 *  assembled by the orchestrator from the stage's declared needs. */
export async function runStageTask(context: WorkerContext, stage: PipelineStage, input: AnyStageInput, options: TaskOptions = {}): Promise<unknown> {
  // The stage is only known at run time here; STAGE_RUNNERS itself is checked stage by stage above.
  const runner = STAGE_RUNNERS[stage] as (context: WorkerContext, input: AnyStageInput, options: TaskOptions) => Promise<unknown> | unknown;
  const result = await runner(context, input, options);
  checkStageOutput(stage, result);
  return result;
}
