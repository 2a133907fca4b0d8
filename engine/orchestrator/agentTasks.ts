// What a worker thread does for each agent. The orchestrator ships inputs by structured clone; the
// classifier session lives in the worker, loaded once when the worker starts.
import type { Incident } from '../contract/incident.js';
import type { AwarenessResult, FieldResult, StrategistResult } from '../contract/result.js';
import type { AgentName } from '../contract/taxonomy.js';
import { IncidentClassifier } from '../agents/strategist/classifier/incidentClassifier.js';
import { strategize } from '../agents/strategist/index.js';
import { runAwareness } from '../agents/awareness/index.js';
import { runField } from '../agents/field/index.js';
import { runExecutor } from '../agents/executor/index.js';
import { sopLibrary } from '../knowledge/sopLibrary.js';

export interface AgentInput {
  incident: Incident;
  strategist?: StrategistResult;
  awareness?: AwarenessResult;
  field?: FieldResult;
}

export interface WorkerContext { classifier: IncidentClassifier }

export async function createWorkerContext(modelsDir: string): Promise<WorkerContext> {
  sopLibrary(); // parse and validate the SOPs once, at start-up, not during the first analysis
  return { classifier: await IncidentClassifier.load(modelsDir) };
}

export async function runAgentTask(context: WorkerContext, agent: AgentName, input: AgentInput): Promise<unknown> {
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${agent} needs the ${name} result`);
    return value;
  };
  switch (agent) {
    case 'strategist': {
      const [scores] = await context.classifier.classify([input.incident.text]);
      return strategize(input.incident, need(scores, 'classifier'));
    }
    case 'field':
      return runField(input.incident);
    case 'awareness':
      return runAwareness(input.incident, need(input.strategist, 'strategist'));
    case 'executor':
      return runExecutor(input.incident, need(input.strategist, 'strategist'), need(input.awareness, 'awareness'), need(input.field, 'field'));
  }
}
