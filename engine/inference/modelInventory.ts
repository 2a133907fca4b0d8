// Models with their verification state. Two sources: what the agent workers verified when they loaded
// their models (reported to the pool, so /v1/models reads no file on the serving thread), and the
// repository on disk, every file hashed (`safe-edge models`, which runs without an engine).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { modelFileInfoSchema, modelInfoSchema } from '../contract/api.js';
import { ERROR_CODES, SafeError, type SafeErrorBody } from '../contract/errors.js';
import type { LoadedModel } from './inferenceCore.js';
import type { ModelManifest } from '../contract/modelManifest.js';
import { listModelNames, listVersions, readManifest, sha256Hex, type Precision } from './modelRepository.js';

export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type ModelFileInfo = z.infer<typeof modelFileInfoSchema>;

/** A file a manifest lists (the fp32 network or a variant), as the manifest states it. */
export interface ManifestFile { variant: string; file: string; sha256: string; bytes: number; metrics: Record<string, number> }

/** What a worker loaded for one model: the file it verified (sha256 checked against the manifest) and
 *  the manifest's other files, unchecked. */
export interface LoadedModelReport {
  name: string; version: number; variant: Precision; file: string; sha256: string; bytes: number;
  metrics: Record<string, number>;
  /** The engine does not start without a required model; an optional one it can refuse and run without. */
  required: boolean;
  files: ManifestFile[];
}

/** An optional model a worker refused, the version and precision it tried, and why. */
export interface RefusedModelReport {
  name: string;
  /** Null when the repository has no version of it at all. */
  version: number | null;
  variant: Precision; required: boolean; error: SafeErrorBody;
  /** The manifest's files, when the manifest could be read. */
  files: ManifestFile[];
}

/** What the agent workers verified and loaded, model name → report, and the models they refused. */
export interface ModelInventory { precision: Precision; loaded: Record<string, LoadedModelReport>; refused: RefusedModelReport[] }

export const emptyInventory = (precision: Precision): ModelInventory => ({ precision, loaded: {}, refused: [] });

const defined = (entries: Array<[string, number | undefined]>): Record<string, number> =>
  Object.fromEntries(entries.filter((e): e is [string, number] => e[1] !== undefined));

/** The fp32 file first, then the variants, with the held-out figures the manifest records for each. */
export function manifestFiles(manifest: ModelManifest): ManifestFile[] {
  const { metrics } = manifest;
  return [
    {
      variant: 'fp32', file: manifest.file, sha256: manifest.sha256, bytes: manifest.bytes,
      metrics: defined([['heldOutAccuracy', metrics.heldOutAccuracy], ['p95RelError', metrics.surrogate?.p95RelError],
        ['testPrecision', metrics.anomaly?.test.precision], ['testRecall', metrics.anomaly?.test.recall]]),
    },
    ...Object.entries(manifest.variants ?? {}).map(([variant, v]) => ({
      variant, file: v.file, sha256: v.sha256, bytes: v.bytes,
      metrics: defined([['heldOutAccuracy', v.heldOutAccuracy], ['accuracyDropPts', v.accuracyDropPts], ['p95RelError', v.p95RelError],
        ['testPrecision', v.testPrecision], ['testRecall', v.testRecall]]),
    })),
  ];
}

/** A worker's report of a model it loaded: taken from the load itself, nothing is read again. */
export function loadedModelReport(model: LoadedModel, required: boolean): LoadedModelReport {
  const files = manifestFiles(model.manifest);
  const loaded = files.find((f) => f.variant === model.precision);
  return {
    name: model.manifest.name, version: model.manifest.version, variant: model.precision, file: loaded?.file ?? model.manifest.file,
    sha256: model.sha256, bytes: model.fileBytes, metrics: loaded?.metrics ?? {}, required, files,
  };
}

const errorBodyOf = (err: unknown): SafeErrorBody =>
  err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.MODEL_MANIFEST_INVALID, message: err instanceof Error ? err.message : String(err) };

/** A worker's report of a model it refused (read at load time, in the worker: the version it tried is
 *  the newest, and the manifest, if it reads, names the files). */
export function refusedModelReport(modelsDir: string, name: string, precision: Precision, required: boolean, err: unknown): RefusedModelReport {
  const version = listVersions(modelsDir, name)[0] ?? null;
  let files: ManifestFile[] = [];
  if (version !== null) {
    try { files = manifestFiles(readManifest(modelsDir, name, version)); } catch { /* the manifest itself is the problem */ }
  }
  const variant = files.some((f) => f.variant === precision) ? precision : 'fp32';
  return { name, version, variant, required, error: errorBodyOf(err), files };
}

/** Model name → sha256 of the file the workers run (checked when they loaded it). */
export function inventoryHashes(inventory: ModelInventory): Record<string, string> {
  return Object.fromEntries(Object.values(inventory.loaded).map((m) => [m.name, m.sha256]));
}

const fileInfo = (f: ManifestFile, state: Pick<ModelFileInfo, 'verified' | 'loaded' | 'error'>): ModelFileInfo =>
  ({ variant: f.variant, file: f.file, sha256: f.sha256, bytes: f.bytes, heldOutAccuracy: f.metrics.heldOutAccuracy ?? null, metrics: f.metrics, ...state });

/** The engine's answer to /v1/models: the workers' report as the API states it, by name; no file read.
 *  A refused model of which the repository holds no version at all is left out (there is none to show). */
export function describeInventory(inventory: ModelInventory): ModelInfo[] {
  const loaded = Object.values(inventory.loaded).map((m): ModelInfo => ({
    name: m.name, version: m.version, variant: m.variant, sha256: m.sha256, bytes: m.bytes, verified: true, loaded: true,
    heldOutAccuracy: m.metrics.heldOutAccuracy ?? null, metrics: m.metrics, required: m.required,
    variants: m.files.map((f) => (f.variant === m.variant
      ? { ...fileInfo(f, { verified: true, loaded: true }), sha256: m.sha256, bytes: m.bytes }
      : fileInfo(f, { verified: null, loaded: false }))),
  }));
  const refused = inventory.refused.flatMap((m): ModelInfo[] => {
    if (m.version === null) return [];
    const tried = m.files.find((f) => f.variant === m.variant);
    return [{
      name: m.name, version: m.version, variant: m.variant, sha256: tried?.sha256 ?? '', bytes: tried?.bytes ?? 0, verified: false, loaded: false,
      heldOutAccuracy: tried?.metrics.heldOutAccuracy ?? null, metrics: tried?.metrics ?? {}, required: m.required, error: m.error,
      variants: m.files.map((f) => fileInfo(f, f === tried ? { verified: false, loaded: false, error: m.error } : { verified: null, loaded: false })),
    }];
  });
  return [...loaded, ...refused].sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
}

/** Hashes one file of a model version; the error a loader would refuse it with, if any. */
function checkFile(modelsDir: string, name: string, version: number, f: ManifestFile): SafeErrorBody | undefined {
  const path = join(modelsDir, name, String(version), f.file);
  if (!existsSync(path)) return { code: ERROR_CODES.MODEL_MISSING, message: `model ${name} v${version}: file ${f.file} is missing` };
  const actual = sha256Hex(readFileSync(path));
  if (actual === f.sha256) return undefined;
  return { code: ERROR_CODES.MODEL_HASH_MISMATCH, message: `model ${name} v${version}${f.variant === 'fp32' ? '' : ` (${f.variant})`}: sha256 ${actual.slice(0, 12)}… does not match the manifest's ${f.sha256.slice(0, 12)}…; refusing to load it` };
}

/**
 * Every version of every model on disk, every file (fp32 and each variant) hashed: for `safe-edge models`
 * and other callers off the serving thread. The top level describes the fp32 file; `variants` every file.
 * `loaded` (name → version as results name it, "1" or "1+int8") marks what an engine runs.
 */
export function inventoryModels(modelsDir: string, loaded: Record<string, string> = {}): ModelInfo[] {
  const out: ModelInfo[] = [];
  for (const name of listModelNames(modelsDir)) {
    for (const version of listVersions(modelsDir, name)) {
      const runs = (variant: string) => loaded[name] === (variant === 'fp32' ? String(version) : `${version}+${variant}`);
      let manifest: ModelManifest;
      try {
        manifest = readManifest(modelsDir, name, version);
      } catch (err) {
        out.push({ name, version, variant: 'fp32', sha256: '', bytes: 0, verified: false, loaded: false, heldOutAccuracy: null, metrics: {}, error: errorBodyOf(err), variants: [] });
        continue;
      }
      const variants = manifestFiles(manifest).map((f) => {
        const error = checkFile(modelsDir, name, version, f);
        return fileInfo(f, { verified: error === undefined, loaded: runs(f.variant), ...(error ? { error } : {}) });
      });
      const fp32 = variants[0] as ModelFileInfo;
      out.push({
        name, version, variant: 'fp32', sha256: fp32.sha256, bytes: fp32.bytes, verified: fp32.verified === true,
        loaded: variants.some((v) => v.loaded), heldOutAccuracy: fp32.heldOutAccuracy, metrics: fp32.metrics,
        ...(fp32.error ? { error: fp32.error } : {}), variants,
      });
    }
  }
  return out;
}

/** Every file of every model verified (what `safe-edge models` exits 0 on). */
export const everyFileVerified = (models: ModelInfo[]): boolean => models.every((m) => m.verified && m.variants.every((v) => v.verified !== false));
