// The incident taxonomy keys are part of the public contract (docs/taxonomy-and-severity.md): never rename one.
export const INCIDENT_TYPES = [
  'structure_fire',
  'wildfire',
  'hazmat_release',
  'explosion',
  'flood',
  'earthquake',
  'landslide',
  'traffic_accident',
  'building_collapse',
  'mine_accident',
  'severe_weather',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** The counts a report states. `trapped`: held in place and needing rescue (rubble, vehicles, mines);
 *  `stranded`: unhurt but cut off and waiting (rooftops in a flood, snowbound roads). Both raise urgency;
 *  neither is an injury. */
export const FIGURE_NAMES = ['deaths', 'seriousInjuries', 'injuries', 'trapped', 'stranded', 'missing', 'exposed', 'evacuated', 'directLossCny'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** Why a message is not an incident: keyboard mashing, a radio or system test, a report that nothing
 *  happened (all clear, false alarm, hazards named only to be denied), a notice, small talk, or a message
 *  that states no event, casualty or call for help at all (`no_incident_evidence`). */
export const NOT_INCIDENT_REASONS = ['gibberish', 'test_message', 'all_clear', 'notice', 'chit_chat', 'no_incident_evidence', 'learned_notice'] as const;
export type NotIncidentReason = (typeof NOT_INCIDENT_REASONS)[number];

/** China's four response levels (State Council Order 493; national emergency plan colours). */
export const SEVERITY_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** The grading standards the Strategist applies (thresholds: engine/knowledge/severityStandards.ts). */
export const SEVERITY_STANDARDS = ['order-493', 'national-earthquake-plan', 'national-geological-disaster-plan', 'forest-fire-regulations'] as const;
export type SeverityStandard = (typeof SEVERITY_STANDARDS)[number];

export const SEVERITY_COLOURS: Record<SeverityLevel, 'red' | 'orange' | 'yellow' | 'blue'> = {
  I: 'red',
  II: 'orange',
  III: 'yellow',
  IV: 'blue',
};

export const AGENT_NAMES = ['strategist', 'awareness', 'field', 'executor'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** The steps of one analysis: the cheap reading of the report's text first, then the four agents
 *  (the order and what each needs: docs/architecture.md, engine/orchestrator/pipeline.ts). */
export const PIPELINE_STAGES = ['reading', ...AGENT_NAMES] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

export const AEGL_LEVELS = ['AEGL-1', 'AEGL-2', 'AEGL-3'] as const;
export type AeglLevel = (typeof AEGL_LEVELS)[number];
