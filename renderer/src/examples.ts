// The shipped example incidents, bundled so "load example" works offline.
import type { IncidentInput } from '../../engine/contract/incident.js';

const modules = import.meta.glob<{ default: IncidentInput }>('../../examples/*.json', { eager: true });
export const EXAMPLES: Array<{ name: string; incident: IncidentInput }> = Object.entries(modules)
  .map(([path, mod]) => ({ name: path.replace(/^.*\//, '').replace(/\.json$/, ''), incident: mod.default }))
  .sort((a, b) => a.name.localeCompare(b.name));
