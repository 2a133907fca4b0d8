// Standard operating procedures are data (engine/knowledge/sops/*.yaml), validated here at load: a typo
// in an SOP fails loudly at start-up, not in the middle of an incident.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { INCIDENT_TYPES, type IncidentType } from '../contract/taxonomy.js';
import { UNIT_KINDS } from '../contract/incident.js';

const unit = z.number().min(0).max(1);
export const PRIORITY_FACTORS = ['lifeSafety', 'timeUrgency', 'resources', 'scope', 'feasibility'] as const;
export type PriorityFactor = (typeof PRIORITY_FACTORS)[number];

const objectiveSchema = z.strictObject({
  id: z.string(), title: z.string(), titleZh: z.string(),
  lifeSafety: unit, timeUrgency: unit, resources: unit, scope: unit, feasibility: unit,
});
const taskSchema = z.strictObject({
  id: z.string(), title: z.string(), titleZh: z.string(), unitKind: z.enum(UNIT_KINDS),
  deadlineMin: z.number().positive(), lifeSafety: unit, timeUrgency: unit,
});
export const sopSchema = z.strictObject({
  id: z.string(), title: z.string(), titleZh: z.string(),
  appliesTo: z.array(z.enum(INCIDENT_TYPES)).min(1),
  objectives: z.array(objectiveSchema).min(1),
  phases: z.array(z.strictObject({ id: z.string(), name: z.string(), nameZh: z.string(), tasks: z.array(taskSchema).min(1) })).min(1),
});
export type Sop = z.infer<typeof sopSchema>;
export type SopTask = z.infer<typeof taskSchema>;
export type SopObjective = z.infer<typeof objectiveSchema>;

/** Source folder (engine/knowledge/sops), found from the compiled file in dist/engine/knowledge. */
export const DEFAULT_SOP_DIR = fileURLToPath(new URL('../../../engine/knowledge/sops', import.meta.url));

let cached: Map<string, Sop> | undefined;

export function loadSops(dir = DEFAULT_SOP_DIR): Map<string, Sop> {
  const sops = new Map<string, Sop>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = sopSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`SOP ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    sops.set(parsed.data.id, parsed.data);
  }
  if (!sops.has('general')) throw new Error(`SOP library ${dir} has no general SOP`);
  return sops;
}

export function sopLibrary(): Map<string, Sop> {
  cached ??= loadSops();
  return cached;
}

/** The SOP for an incident type; the general SOP when no specific one applies. */
export function sopFor(type: IncidentType, library = sopLibrary()): Sop {
  for (const sop of library.values()) if (sop.id !== 'general' && sop.appliesTo.includes(type)) return sop;
  return library.get('general') as Sop;
}
