// S-Agent (Strategist): what kind of incident this is and how severe, the SOP to follow and the ranked
// objectives. Pure: the classifier's scores come in as an argument (the worker runs the ONNX model),
// so this module is deterministic and testable without onnxruntime.
import type { Incident } from '../../contract/incident.js';
import type { StrategistResult } from '../../contract/result.js';
import { INCIDENT_TYPES, SEVERITY_COLOURS, type IncidentType } from '../../contract/taxonomy.js';
import { EVENT_VERB_TERMS, HAZARD_TERMS, NOT_TYPE_EVIDENCE, PREPAREDNESS_TERMS } from '../../knowledge/hazardLexicon.js';
import { PRIORITY_FACTORS, sopFor, supplementsFor, type PriorityFactor, type SopObjective } from '../../knowledge/sopLibrary.js';
import { PRIORITY_WEIGHTS } from '../../knowledge/priorityWeights.js';
import { round } from '../../numeric/stats.js';
import type { Figure, Figures, ReportReading } from '../../contract/reading.js';
import { gradeSeverity } from '../common/severityGrade.js';
import { firstAffirmed, namesFireService } from '../common/reportMarkers.js';
import { GRASS_FUEL_MODELS, standardFor } from '../../knowledge/severityStandards.js';
import type { TypeScores } from './classifier/incidentClassifier.js';
import { learnedNotIncident } from './learnedScreen.js';

/** Below this fused probability no type fits with confidence and the incident is `other`. */
export const OTHER_BELOW = 0.4;
/** A stated physical fact (a release, a fire, a breach, a quake) multiplies its type's odds by this. */
const FACT_EVIDENCE_FACTOR = 3;
const SECONDARY_MIN_PROBABILITY = 0.15;
/**
 * A hazard word the report affirms ("earthquake", "rockfall", 山洪) multiplies its type's odds by this, the
 * same weight as a stated fact: the bag-of-words classifier can let the rest of a report's wording outvote
 * the one word that names the hazard (docs/taxonomy-and-severity.md, "How the type is chosen").
 */
const HAZARD_WORD_FACTOR = 3;

/** Each type's first hazard word the report affirms (a denied word, "no fire", is no evidence). One scan per
 *  report, shared by the type's evidence and the secondary hazards. */
function affirmedHazards(text: string): Map<IncidentType, string> {
  const lower = text.toLowerCase();
  const found = new Map<IncidentType, string>();
  for (const type of INCIDENT_TYPES) {
    if (type === 'other') continue;
    const hit = [...HAZARD_TERMS[type].zh, ...HAZARD_TERMS[type].en, ...(PREPAREDNESS_TERMS[type] ?? []), ...(EVENT_VERB_TERMS[type] ?? [])]
      .find((term) => !NOT_TYPE_EVIDENCE.has(term) && firstAffirmed(text, lower, term, term === 'fire' ? (end) => namesFireService(lower, end) : undefined) !== undefined);
    if (hit) found.set(type, hit);
  }
  return found;
}
function fuseWithFacts(scores: TypeScores, incident: Incident, hazardWords: ReadonlyMap<IncidentType, string>): TypeScores {
  const { facts } = incident;
  const implied: IncidentType[] = [];
  if (facts.release) implied.push('hazmat_release');
  if (facts.fire) implied.push('wildfire');
  if (facts.flood) implied.push('flood');
  if (facts.quake) implied.push('earthquake');
  const fused = { ...scores };
  for (const type of implied) fused[type] = fused[type] * FACT_EVIDENCE_FACTOR;
  for (const type of hazardWords.keys()) fused[type] = fused[type] * HAZARD_WORD_FACTOR;
  const total = INCIDENT_TYPES.reduce((s, t) => s + fused[t], 0);
  for (const t of INCIDENT_TYPES) fused[t] = total > 0 ? fused[t] / total : 1 / INCIDENT_TYPES.length;
  return fused;
}

function secondaryHazards(primary: IncidentType, scores: TypeScores, hazardWords: ReadonlyMap<IncidentType, string>): StrategistResult['secondaryHazards'] {
  const found = new Map<IncidentType, { cue: string; confidence: number }>();
  for (const type of INCIDENT_TYPES) {
    if (type === primary || type === 'other') continue;
    // A hazard word counts only where the report does not deny it ("未发现明火", "no leak").
    const hit = hazardWords.get(type);
    const p = scores[type];
    if (hit) found.set(type, { cue: `report mentions "${hit}"`, confidence: round(Math.max(0.6, p), 2) });
    else if (p >= SECONDARY_MIN_PROBABILITY) found.set(type, { cue: 'classifier', confidence: round(p, 2) });
  }
  return [...found].map(([type, v]) => ({ type, ...v })).sort((a, b) => b.confidence - a.confidence);
}

function rankObjectives(objectives: readonly SopObjective[], figures: Figures): StrategistResult['objectives'] {
  const peopleInDanger = (figures.trapped?.value ?? 0) + (figures.stranded?.value ?? 0) + (figures.missing?.value ?? 0) > 0;
  return objectives.map((objective) => {
    const factors = Object.fromEntries(PRIORITY_FACTORS.map((f) => [f, objective[f]])) as Record<PriorityFactor, number>;
    // People trapped or missing make every life-saving objective maximally urgent (survival falls with time).
    if (peopleInDanger && factors.lifeSafety >= 0.9) factors.timeUrgency = 1;
    const score = PRIORITY_FACTORS.reduce((s, f) => s + PRIORITY_WEIGHTS[f] * factors[f], 0);
    return { id: objective.id, title: objective.title, titleZh: objective.titleZh, score: round(score, 3), factors };
  }).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * A crash that releases its load is a hazmat incident first (ERG practice: the hazardous material decides
 * the zones, PPE and decontamination; the crash becomes the secondary hazard): a traffic accident whose
 * report affirms a release word, or states a release, is answered hazmat_release.
 */
function hazmatOverTraffic(best: IncidentType, scores: TypeScores, incident: Incident): IncidentType {
  if (best !== 'traffic_accident') return best;
  const lower = incident.text.toLowerCase();
  const released = incident.facts.release !== undefined || HAZARD_TERMS.hazmat_release.zh.concat(HAZARD_TERMS.hazmat_release.en)
    .some((term) => firstAffirmed(incident.text, lower, term) !== undefined);
  if (!released) return best;
  scores.hazmat_release = Math.max(scores.hazmat_release, scores.traffic_accident);
  return 'hazmat_release';
}

/** The forest area a wildfire has burned, stated or read from the report (a stated one wins); none for a
 *  fire the form or the report puts in grass, which the forest regulations do not grade by area. */
function burnedForest(incident: Incident, reading: ReportReading): Figure | undefined {
  const fuel = incident.facts.fire?.fuelModel ?? (reading.facts.find((f) => f.fact === 'fire.fuelModel')?.value as number | undefined);
  if (fuel !== undefined && GRASS_FUEL_MODELS.has(fuel)) return undefined;
  if (incident.facts.burnedAreaHa !== undefined) return { value: incident.facts.burnedAreaHa, source: 'fact' };
  const read = reading.facts.find((f) => f.fact === 'fire.burnedAreaHa');
  return read ? { value: read.value as number, source: 'text', span: read.span } : undefined;
}

/**
 * The type when the classifier is unsure of every key, `other` included (none reaches OTHER_BELOW after the fusion), but
 * the report affirms the words of exactly one hazard (突降暴雨引发泥石流, a debris flow the classifier scores low): that
 * hazard. A confident `other` stays (a man who collapsed, 食物中毒: a hazard's word in another sense), and two hazards named
 * leave it to the scores (docs/taxonomy-and-severity.md, "How the type is chosen").
 */
function namedHazard(scores: TypeScores, hazardWords: ReadonlyMap<IncidentType, string>): IncidentType | undefined {
  if (hazardWords.size !== 1 || INCIDENT_TYPES.some((t) => scores[t] >= OTHER_BELOW)) return undefined;
  return [...hazardWords.keys()][0];
}

/** `reading`: the reading step's figures and language (the pipeline runs it first). `notIncidentProbability`: the
 *  report-screen model's answer, when the worker runs it (learnedScreen.ts). */
export function strategize(incident: Incident, classifierScores: TypeScores, reading: ReportReading, notIncidentProbability?: number): StrategistResult {
  const hazardWords = affirmedHazards(incident.text);
  const scores = fuseWithFacts(classifierScores, incident, hazardWords);
  const fromScores = hazmatOverTraffic(INCIDENT_TYPES.reduce((a, b) => (scores[b] > scores[a] ? b : a)), scores, incident);
  const named = namedHazard(scores, hazardWords);
  const best = named ?? fromScores;
  // A message the reading screened out (a test, an all-clear, a notice...), or the model did, is `other`, whatever the classifier says.
  const notIncident = reading.notIncident ?? learnedNotIncident(incident, reading, notIncidentProbability);
  const type: IncidentType = notIncident ? 'other' : named !== undefined || scores[best] >= OTHER_BELOW ? best : 'other';
  const { figures } = reading;
  // An earthquake's magnitude, stated or read from the report, gives the plan's initial judgement.
  const magnitude = incident.facts.quake?.magnitude ?? (reading.facts.find((f) => f.fact === 'quake.magnitude')?.value as number | undefined);
  const grade = gradeSeverity(figures, standardFor(type), { magnitude, denselyPopulated: incident.facts.terrain === 'urban', burnedForestHa: burnedForest(incident, reading) });
  const sop = sopFor(type);
  // The relief plan's objective (shelter and basic needs) when anyone is relocated or stranded (docs/plan.md).
  const displaced = (figures.evacuated?.value ?? 0) + (figures.stranded?.value ?? 0) + (incident.facts.evacuated ?? 0) > 0;
  const objectives = [...sop.objectives, ...(displaced ? supplementsFor(type).flatMap((s) => s.objectives) : [])];
  return {
    type,
    confidence: round(type === best ? scores[best] : 1 - scores[best], 3),
    severity: grade.severity,
    severityColour: SEVERITY_COLOURS[grade.severity],
    severityIsEstimate: grade.isEstimate,
    severityConfidence: grade.confidence,
    severityBasis: grade.basis,
    severityStandard: grade.standard,
    ...(reading.conflicts.length ? { figureConflicts: reading.conflicts } : {}),
    ...(reading.drill ? { drill: reading.drill } : {}),
    ...(notIncident ? { notIncidentReason: notIncident } : {}),
    ...(grade.initial ? { severityInitial: grade.initial } : {}),
    figures: figures as StrategistResult['figures'],
    typeScores: Object.fromEntries(INCIDENT_TYPES.map((t) => [t, round(scores[t], 4)])) as StrategistResult['typeScores'],
    secondaryHazards: secondaryHazards(type, scores, hazardWords),
    language: reading.language,
    sop: { id: sop.id, title: sop.title, titleZh: sop.titleZh },
    priorityWeights: { ...PRIORITY_WEIGHTS },
    objectives: rankObjectives(objectives, figures),
  };
}
