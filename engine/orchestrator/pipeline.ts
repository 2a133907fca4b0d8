// The SAFE pipeline, declared once: each stage's output and the stages it needs. The orchestrator
// (serving thread) runs the DAG from STAGE_NEEDS; the worker's runners (agentTasks.ts) are typed by
// StageInput, so a runner that used a stage it does not declare, or a declared output of the wrong
// shape, does not compile. Order (docs/architecture.md):
//   reading → Strategist ‖ Field experts → Awareness (needs S and F: its risk uses the physics) → Executor.
import type { z } from 'zod';
import type { Incident } from '../contract/incident.js';
import { reportReadingSchema, type ReportReading } from '../contract/reading.js';
import {
  awarenessSchema, executorSchema, fieldSchema, strategistSchema,
  type AwarenessResult, type ExecutorResult, type FieldResult, type StrategistResult,
} from '../contract/result.js';
import type { PipelineStage } from '../contract/taxonomy.js';

export interface StageOutputs {
  reading: ReportReading;
  strategist: StrategistResult;
  field: FieldResult;
  awareness: AwarenessResult;
  executor: ExecutorResult;
}

export const STAGE_NEEDS = {
  reading: [],
  strategist: ['reading'],
  field: ['reading'],
  awareness: ['strategist', 'field'],
  executor: ['strategist', 'awareness', 'field'],
} as const satisfies { readonly [S in PipelineStage]: readonly PipelineStage[] };

export type StageNeeds<S extends PipelineStage> = (typeof STAGE_NEEDS)[S][number];

/** Exactly what a stage gets: the incident and the outputs of the stages it needs. */
export type StageInput<S extends PipelineStage> = { incident: Incident } & { [N in StageNeeds<S>]: StageOutputs[N] };

/** The input of some stage (what crosses to a worker with the stage's name). */
export type AnyStageInput = { [S in PipelineStage]: StageInput<S> }[PipelineStage];

/** Every stage's output is checked against its contract schema on the worker, before it leaves it. */
export const STAGE_SCHEMAS: { readonly [S in PipelineStage]: z.ZodType<StageOutputs[S]> } = {
  reading: reportReadingSchema,
  strategist: strategistSchema,
  field: fieldSchema,
  awareness: awarenessSchema,
  executor: executorSchema,
};

/**
 * Stages run on the worker of the stage before them, in the same task, each reported as it finishes:
 * - the reading heads the F-Agent's task, so it runs once per analysis; the Strategist's task starts on
 *   another worker as soon as the reading is reported, with it. The Field experts are the longer branch,
 *   so they start without a round trip and the Strategist, which is shorter, takes the one hop.
 *   (Measured: the reading as a task of its own cost c8 throughput 17 % and p50 latency 25 %; run inline
 *   on the workers of S and of F it ran twice; docs/performance.md.)
 * - the Executor needs only what the Awareness stage had plus its output, so it starts there without a
 *   round trip through the serving thread.
 */
export const CHAINS: { readonly [S in PipelineStage]?: readonly PipelineStage[] } = { reading: ['field'], awareness: ['executor'] };

/**
 * Stages that read the sensors' readings: the A-Agent (trends, anomalies, threshold times) and the
 * Executor, which runs in its task. The other stages get each sensor with its last reading only: a large
 * incident is nearly all readings, and every copy that crosses to a worker grows that worker's heap
 * (docs/hardening.md#memory). A test runs those stages on both and checks they answer the same.
 */
export const READS_SENSOR_READINGS: readonly PipelineStage[] = ['awareness', 'executor'];

/** The incident as `stage` needs it (see READS_SENSOR_READINGS); the same object when nothing is cut. */
export function incidentForStage(stage: PipelineStage, incident: Incident): Incident {
  if (READS_SENSOR_READINGS.includes(stage) || incident.sensors.every((s) => s.readings.length <= 1)) return incident;
  return { ...incident, sensors: incident.sensors.map((s) => ({ ...s, readings: s.readings.slice(-1) })) };
}

/** Stages in an order where every stage comes after the stages it needs (checked by a test). */
export const STAGE_ORDER: readonly PipelineStage[] = ['reading', 'strategist', 'field', 'awareness', 'executor'];
