// The analysis cache key: a hash of the normalised incident (validated, defaults applied, keys sorted,
// its id left out: the id names the question, it does not change the answer) together with what computes
// the answer: the content of every model (sha256 of the model file each was loaded from, not a version
// number, which a rebuilt or hand-copied model may keep) and the engine's build (engineBuildHash: a hash
// of its compiled code, not ENGINE_VERSION, which a code change may keep). A different model file or
// engine build gives new keys, so an answer of the old one cannot be served after an update. The versions
// the results name the models by are in the key too: the same file republished as another version
// (docs/updates.md) answers under its own version, never under the one it replaced.
import { createHash } from 'node:crypto';
import type { Incident } from '../contract/incident.js';
import type { MultiLevelCache } from './multiLevelCache.js';

/** JSON with object keys sorted at every level (undefined members left out): equal values, equal text. */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Text handed to the hash in pieces of about this many characters. */
const HASH_CHUNK_CHARS = 64 * 1024;

/**
 * The sha256 (hex) of `stable(value)`, the same digest, without building the text: a 15 MB incident's
 * text took the serving thread 3.3 s and grew its heap by 76 MB, nearly all of it intermediate strings
 * (docs/hardening.md#memory). The text goes to the hash in pieces as it is written; a piece is a whole
 * JSON token or punctuation, so a surrogate pair is never split between two pieces (which would change the
 * UTF-8 the hash reads).
 */
export function stableSha256(value: unknown): string {
  const hash = createHash('sha256');
  let pending = '';
  const write = (text: string) => {
    pending += text;
    if (pending.length >= HASH_CHUNK_CHARS) { hash.update(pending); pending = ''; }
  };
  writeStable(value, write);
  return hash.update(pending).digest('hex');
}

/** Writes stable(value) to `write`, piece by piece, in the same order and with the same text. */
function writeStable(value: unknown, write: (text: string) => void): void {
  if (Array.isArray(value)) {
    write('[');
    // As stable's join: an element with no JSON text (undefined) leaves nothing between its commas.
    value.forEach((item, i) => { if (i > 0) write(','); writeStable(item, write); });
    write(']');
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    write('{');
    Object.keys(record).filter((k) => record[k] !== undefined).sort().forEach((k, i) => {
      write(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
      writeStable(record[k], write);
    });
    write('}');
    return;
  }
  const text = JSON.stringify(value) as string | undefined;
  if (text !== undefined) write(text);
}

/**
 * @param modelHashes model name → sha256 (hex) of the model file that was loaded for it (the variant in
 *   use: model.onnx or model.int8.onnx), for every model an analysis may use.
 * @param engineBuild engineBuildHash() (engine/engineBuild.ts).
 * @param modelVersions model name → the version results name it by ("2", "2+int8").
 */
export function analysisCacheKey(incident: Incident, modelHashes: Record<string, string>, engineBuild: string, modelVersions: Record<string, string> = {}): string {
  const { id: _id, ...question } = incident;
  return `analysis:${stableSha256({ question, modelHashes, engineBuild, modelVersions })}`;
}

// Tags: every cached answer carries two tags per model it used, one for the model's name and one for
// its content, so either "every answer of model X" or "every answer of this build of X" can be dropped.

/** Tags every answer that used model `name`, whatever its content: `cache.invalidateTag(modelTag(name))`
 *  removes all of them from L1 and L2. */
export const modelTag = (name: string): string => `model:${name}`;
/** Tags the answers that used one content (`hash`) of model `name`. */
export const modelContentTag = (name: string, hash: string): string => `model:${name}@${hash}`;
/** The tags of an answer computed with these models (name → content hash): both tags of each model. */
export const modelTags = (models: Record<string, string>): string[] =>
  Object.entries(models).flatMap(([name, hash]) => [modelTag(name), modelContentTag(name, hash)]);

/**
 * What the engine calls when models are replaced (after a reload, with the model maps from before and
 * after it): drops every cached answer of each model whose content changed or that is gone, by its name
 * tag, so older contents go too. New keys would not reach those answers anyway (the key holds the
 * content hash); this frees their space at once instead of leaving them to eviction. Returns how many
 * answers were dropped.
 */
export function invalidateReplacedModels(cache: Pick<MultiLevelCache, 'invalidateTag'>, before: Record<string, string>, after: Record<string, string>): number {
  let dropped = 0;
  for (const [name, hash] of Object.entries(before)) if (after[name] !== hash) dropped += cache.invalidateTag(modelTag(name));
  return dropped;
}
