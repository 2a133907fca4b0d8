// SAFE priority weights (SAFE design; docs/taxonomy-and-severity.md): the Strategist ranks objectives on all five factors,
// the Executor ranks tasks on the two a task carries. Product knowledge both agents share, so it lives
// here rather than in either agent.
import type { PriorityFactor } from './sopLibrary.js';

export const PRIORITY_WEIGHTS: Record<PriorityFactor, number> = {
  lifeSafety: 0.35, timeUrgency: 0.25, resources: 0.15, scope: 0.15, feasibility: 0.1,
};
