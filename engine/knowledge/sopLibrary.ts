// Standard operating procedures are data (engine/knowledge/sops/*.yaml), validated here at load: a typo
// in an SOP fails loudly at start-up, not in the middle of an incident.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from './yamlOnDemand.js';
import { z } from 'zod';
import { INCIDENT_TYPES, type IncidentType } from '../contract/taxonomy.js';
import { UNIT_KINDS } from '../contract/incident.js';
import { FLOOD_KINDS, WEATHER_KINDS } from './hazardKinds.js';

const unit = z.number().min(0).max(1);
export const PRIORITY_FACTORS = ['lifeSafety', 'timeUrgency', 'resources', 'scope', 'feasibility'] as const;
export type PriorityFactor = (typeof PRIORITY_FACTORS)[number];

const objectiveSchema = z.strictObject({
  id: z.string(), title: z.string(), titleZh: z.string(),
  lifeSafety: unit, timeUrgency: unit, resources: unit, scope: unit, feasibility: unit,
});
/** What a task's `when` may test (docs/plan.md, "SOP conditions"); the executor builds these from the
 *  incident, S and F (engine/agents/executor/taskPlan.ts). One object: all its keys hold; a list: any one. */
export const CONDITION_HAZARDS = ['toxic', 'flammable', 'both', 'unknown'] as const;
const conditionSchema = z.strictObject({
  /** The released material's hazard class (F-Agent `hazmat.hazards`). */
  hazards: z.array(z.enum(CONDITION_HAZARDS)).min(1).optional(),
  /** The ERG orange guide applied (F-Agent `hazmat.ergGuide`). */
  ergGuides: z.array(z.number().int().min(111).max(174)).min(1).optional(),
  /** Toxic by inhalation: the material has an ERG Table 1 row. */
  tih: z.boolean().optional(),
  /** A corrosive liquid or solid: ERG guide 132, 137 or 153–157. */
  corrosive: z.boolean().optional(),
  /** A BLEVE is possible: F-Agent `flammable.bleve`, or an inventory (massKg) of a flammable material. */
  bleve: z.boolean().optional(),
  /** Anyone trapped (facts.trapped or the S-Agent's figures). */
  trapped: z.boolean().optional(),
  /** Anyone evacuated or relocated (facts.evacuated or the S-Agent's figures): they need shelter and supplies. */
  displaced: z.boolean().optional(),
  /** Anyone stranded, unhurt but cut off (the S-Agent's figures): they need supplies where they are. */
  stranded: z.boolean().optional(),
  /** The kind of flood the report names (engine/knowledge/hazardKinds.ts); `unknown` when it names none. */
  floodKinds: z.array(z.enum([...FLOOD_KINDS, 'unknown'])).min(1).optional(),
  /** The kind of storm the report names; `unknown` when it names none. */
  weatherKinds: z.array(z.enum([...WEATHER_KINDS, 'unknown'])).min(1).optional(),
}).refine((c) => Object.keys(c).length > 0, 'an empty condition');
export type SopCondition = z.infer<typeof conditionSchema>;

/** Numbers a task title may quote as `{name}`; a task that quotes any needs a `fallback` without them. */
export const PLAN_VALUES = ['isolationM', 'fireIsolationM', 'halfLelM'] as const;
export type PlanValue = (typeof PLAN_VALUES)[number];
const PLACEHOLDER = /\{([^{}]*)\}/g;
export const placeholders = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

const taskSchema = z.strictObject({
  id: z.string(), title: z.string(), titleZh: z.string(), unitKind: z.enum(UNIT_KINDS),
  deadlineMin: z.number().positive(), lifeSafety: unit, timeUrgency: unit,
  when: z.union([conditionSchema, z.array(conditionSchema).min(1)]).optional(),
  /** Life-saving order: when anyone is trapped, extrication comes before treatment of the walking wounded. */
  lifeSaving: z.enum(['extrication', 'treatment']).optional(),
  /** No stand-in unit kind may take the task (assignUnits.ts SUBSTITUTES do not apply). */
  noStandIn: z.boolean().optional(),
  /** Titles used when a quoted number is not known. */
  fallback: z.strictObject({ title: z.string(), titleZh: z.string() }).optional(),
}).superRefine((task, ctx) => {
  const en = placeholders(task.title);
  const zh = placeholders(task.titleZh);
  for (const name of [...en, ...zh]) {
    if (!(PLAN_VALUES as readonly string[]).includes(name)) ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}} (known: ${PLAN_VALUES.join(', ')})` });
  }
  if ([...new Set(en)].sort().join() !== [...new Set(zh)].sort().join()) ctx.addIssue({ code: 'custom', message: 'title and titleZh quote different numbers' });
  if (en.length + zh.length > 0 && !task.fallback) ctx.addIssue({ code: 'custom', message: 'a title with placeholders needs a fallback' });
  if (task.fallback && placeholders(task.fallback.title + task.fallback.titleZh).length > 0) ctx.addIssue({ code: 'custom', message: 'a fallback may not have placeholders' });
});
export const sopSchema = z.strictObject({
  id: z.string(), title: z.string(), titleZh: z.string(),
  appliesTo: z.array(z.enum(INCIDENT_TYPES)).min(1),
  /** A plan whose tasks are added to the SOP of every type it applies to (the natural disaster relief plan),
   *  never chosen as an incident's SOP itself; its objectives join the Strategist's when people are displaced. */
  supplement: z.boolean().optional(),
  objectives: z.array(objectiveSchema).min(1),
  phases: z.array(z.strictObject({ id: z.string(), name: z.string(), nameZh: z.string(), tasks: z.array(taskSchema).min(1) })).min(1),
}).superRefine((sop, ctx) => {
  const ids = sop.phases.flatMap((p) => p.tasks.map((t) => t.id));
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) ctx.addIssue({ code: 'custom', message: `task id ${id} twice` });
});
export type Sop = z.infer<typeof sopSchema>;
export type SopTask = z.infer<typeof taskSchema>;
export type SopObjective = z.infer<typeof objectiveSchema>;

/** Source folder (engine/knowledge/sops), found from the compiled file in dist/engine/knowledge. */
export const DEFAULT_SOP_DIR = fileURLToPath(new URL('../../../engine/knowledge/sops', import.meta.url));
/** The same SOPs as JSON, written by the build (scripts/compileSops.ts) beside this file: every agent
 *  worker loads the library as it starts, and parsing the YAML there cost about 170 ms of a cold start
 *  per worker (docs/performance.md, cold start). Checked by the same schema and rules as the YAML. */
export const COMPILED_SOPS_FILE = fileURLToPath(new URL('./sops.json', import.meta.url));

let cached: Map<string, Sop> | undefined;

/** The YAML folder's files, in order: the library's source. */
function sopFiles(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** What the build's JSON records of its source, so a YAML edited since the build is never hidden by it. */
export function sopSourceSha256(dir = DEFAULT_SOP_DIR): string {
  const hash = createHash('sha256');
  for (const { name, text } of sopFiles(dir)) hash.update(`${name}\0${text}\0`);
  return hash.digest('hex');
}

/** The SOP library from its YAML folder (the source, and tests' own folders), checked. */
export function loadSops(dir = DEFAULT_SOP_DIR): Map<string, Sop> {
  return checkedLibrary(sopFiles(dir).map(({ name, text }) => ({ name, value: parseYaml(text) })), dir);
}

/** The build's JSON: the source's hash and the SOPs (in the YAML folder's order). */
export interface CompiledSops { sourceSha256: string; sops: unknown[] }

/** The SOP library from the build's JSON, checked the same way; null when it was built from other YAML. */
export function loadCompiledSops(file = COMPILED_SOPS_FILE, dir = DEFAULT_SOP_DIR): Map<string, Sop> | null {
  const compiled = JSON.parse(readFileSync(file, 'utf8')) as Partial<CompiledSops>;
  if (!Array.isArray(compiled.sops)) throw new Error(`SOP library ${file} is not a list of SOPs`);
  if (compiled.sourceSha256 !== sopSourceSha256(dir)) return null;
  return checkedLibrary(compiled.sops.map((value: unknown, i) => ({ name: `${file}[${i}]`, value })), file);
}

function checkedLibrary(entries: ReadonlyArray<{ name: string; value: unknown }>, source: string): Map<string, Sop> {
  const sops = new Map<string, Sop>();
  for (const { name, value } of entries) {
    const parsed = sopSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`SOP ${name}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    sops.set(parsed.data.id, parsed.data);
  }
  if (!sops.has('general')) throw new Error(`SOP library ${source} has no general SOP`);
  // A supplement's tasks join the plan of each SOP it applies to: one task id must not stand for two tasks.
  for (const supplement of [...sops.values()].filter((s) => s.supplement)) {
    const ids = new Set(supplement.phases.flatMap((p) => p.tasks.map((t) => t.id)));
    for (const sop of sops.values()) {
      if (sop.supplement || !sop.appliesTo.some((t) => supplement.appliesTo.includes(t))) continue;
      const clash = sop.phases.flatMap((p) => p.tasks.map((t) => t.id)).find((id) => ids.has(id));
      if (clash) throw new Error(`SOP ${sop.id} and supplement ${supplement.id} both have task ${clash}`);
    }
  }
  return sops;
}

/** The shipped library: the build's JSON when it was built from the YAML as it is now, else the YAML (a
 *  checkout not yet built, or SOPs edited since the build). */
export function sopLibrary(): Map<string, Sop> {
  cached ??= (existsSync(COMPILED_SOPS_FILE) ? loadCompiledSops() : null) ?? loadSops();
  return cached;
}

/** The SOP for an incident type; the general SOP when no specific one applies. */
export function sopFor(type: IncidentType, library = sopLibrary()): Sop {
  for (const sop of library.values()) if (sop.id !== 'general' && !sop.supplement && sop.appliesTo.includes(type)) return sop;
  return library.get('general') as Sop;
}

/** The supplements (the relief plan) whose tasks join the plan of an incident of this type. */
export function supplementsFor(type: IncidentType, library = sopLibrary()): Sop[] {
  return [...library.values()].filter((sop) => sop.supplement === true && sop.appliesTo.includes(type));
}
