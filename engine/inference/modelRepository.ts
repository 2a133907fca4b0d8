// The on-disk model repository: models/<name>/<version>/{model.onnx, manifest.json}. The engine runs a
// model only after its manifest validates and the file's sha256 matches it: a corrupted or tampered
// file is refused with SAFE_E_MODEL_HASH_MISMATCH, never silently used.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { manifestSchema, type ModelManifest } from '../contract/modelManifest.js';

/** The repository shipped with the app: `models/` at the project root (dist/engine/inference → ../../..). */
export const DEFAULT_MODELS_DIR = resolve(fileURLToPath(new URL('../../../models', import.meta.url)));

export interface VerifiedModel { manifest: ModelManifest; path: string; bytes: Uint8Array }

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Versions present for a model, newest first. */
export function listVersions(modelsDir: string, name: string): number[] {
  const dir = join(modelsDir, name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => b - a);
}

export function listModelNames(modelsDir: string): string[] {
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

export function readManifest(modelsDir: string, name: string, version: number): ModelManifest {
  const path = join(modelsDir, name, String(version), 'manifest.json');
  if (!existsSync(path)) throw new SafeError(ERROR_CODES.MODEL_MISSING, `model ${name} v${version}: no manifest at ${path}; run \`npm run models:build\``);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${name} v${version}: manifest is not JSON (${(err as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${name} v${version}: manifest field ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Loads and verifies a model; the newest version when none is given. */
export function loadVerifiedModel(modelsDir: string, name: string, version?: number): VerifiedModel {
  const chosen = version ?? listVersions(modelsDir, name)[0];
  if (chosen === undefined) throw new SafeError(ERROR_CODES.MODEL_MISSING, `model ${name} is not in ${modelsDir}; run \`npm run models:build\``);
  const manifest = readManifest(modelsDir, name, chosen);
  const path = join(modelsDir, name, String(chosen), manifest.file);
  if (!existsSync(path)) throw new SafeError(ERROR_CODES.MODEL_MISSING, `model ${name} v${chosen}: file ${manifest.file} is missing`);
  const bytes = readFileSync(path);
  const actual = sha256Hex(bytes);
  if (actual !== manifest.sha256) {
    throw new SafeError(ERROR_CODES.MODEL_HASH_MISMATCH, `model ${name} v${chosen}: sha256 ${actual.slice(0, 12)}… does not match the manifest's ${manifest.sha256.slice(0, 12)}…; refusing to load it`);
  }
  return { manifest, path, bytes };
}

/** Hashes in 1 MiB slices, yielding between them, so a large model never blocks its thread for long. */
async function sha256HexYielding(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const slice = 1 << 20;
  for (let i = 0; i < bytes.length; i += slice) {
    hash.update(bytes.subarray(i, i + slice));
    await new Promise((r) => setImmediate(r));
  }
  return hash.digest('hex');
}

export type Precision = 'fp32' | 'int8';

/** loadVerifiedModel without blocking the thread: asynchronous read, hash in slices. A precision other
 *  than fp32 loads that variant when the manifest has one (and its gate passed), else the fp32 file.
 *  `sha256` is the hash of the file loaded (checked equal to the manifest's entry for it). */
export async function loadVerifiedModelAsync(modelsDir: string, name: string, version?: number, precision: Precision = 'fp32'): Promise<VerifiedModel & { precision: Precision; sha256: string }> {
  const chosen = version ?? listVersions(modelsDir, name)[0];
  if (chosen === undefined) throw new SafeError(ERROR_CODES.MODEL_MISSING, `model ${name} is not in ${modelsDir}; run \`npm run models:build\``);
  const manifest = readManifest(modelsDir, name, chosen);
  const variant = precision === 'fp32' ? undefined : manifest.variants?.[precision];
  const file = variant?.file ?? manifest.file;
  const expected = variant?.sha256 ?? manifest.sha256;
  const path = join(modelsDir, name, String(chosen), file);
  if (!existsSync(path)) throw new SafeError(ERROR_CODES.MODEL_MISSING, `model ${name} v${chosen}: file ${file} is missing`);
  const bytes = await readFile(path);
  const actual = await sha256HexYielding(bytes);
  if (actual !== expected) {
    throw new SafeError(ERROR_CODES.MODEL_HASH_MISMATCH, `model ${name} v${chosen}: sha256 ${actual.slice(0, 12)}… does not match the manifest's ${expected.slice(0, 12)}…; refusing to load it`);
  }
  return { manifest, path, bytes, precision: variant ? precision : 'fp32', sha256: actual };
}
