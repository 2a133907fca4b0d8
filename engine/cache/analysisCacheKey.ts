// The analysis cache key: a hash of the normalised incident (validated, defaults applied, keys sorted,
// its id left out: the id names the question, it does not change the answer) together with the version
// of every model and of the engine. A new model or engine version gives new keys, so a stale answer
// cannot be served after an update.
import { createHash } from 'node:crypto';
import type { Incident } from '../contract/incident.js';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function analysisCacheKey(incident: Incident, models: Record<string, string>, engineVersion: string): string {
  const { id: _id, ...question } = incident;
  const digest = createHash('sha256').update(stable({ question, models, engineVersion })).digest('hex');
  return `analysis:${digest}`;
}

export const modelTags = (models: Record<string, string>): string[] => Object.entries(models).map(([name, version]) => `model:${name}@${version}`);
