// What the progress strip says about each agent (docs/app.md, "Progress that tells the truth"): its
// latest event while the analysis runs; once the result is in, the result decides. A cached answer sends
// no agent events (docs/result.md, `cached`), so its agents say "from cache", never "waiting".
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import { AGENT_NAMES, type AgentName } from '../../../engine/contract/taxonomy.js';

export type AgentShownState = ProgressEventBody['state'] | 'waiting' | 'cached' | 'notRun';
export interface AgentProgress { agent: AgentName; state: AgentShownState; durationMs?: number }

export function agentProgress(events: readonly ProgressEventBody[], result: AnalysisResult | undefined): AgentProgress[] {
  return AGENT_NAMES.map((agent) => {
    const last = events.findLast((e) => e.agent === agent);
    if (!result) return { agent, state: last?.state ?? 'waiting', durationMs: last?.durationMs };
    if (result.cached) return { agent, state: 'cached' };
    if (result.failures?.some((f) => f.agent === agent)) return { agent, state: 'failed', durationMs: last?.durationMs };
    if (result[agent]) return { agent, state: 'finished', durationMs: last?.durationMs ?? result.timingsMs[agent] };
    // An error result (nothing analysed) or an agent that never ran: not "waiting" for anything.
    return { agent, state: 'notRun' };
  });
}

/** Whole seconds since the analysis was submitted, for the ticking clock while it runs. */
export function elapsedSeconds(startedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - startedAtMs) / 1000));
}
