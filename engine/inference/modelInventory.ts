// Every model in the repository with its verification state: what `safe-edge models` and /v1/models show.
import type { SafeErrorBody } from '../contract/errors.js';
import { SafeError } from '../contract/errors.js';
import { listModelNames, listVersions, loadVerifiedModel, readManifest } from './modelRepository.js';

export interface ModelInfo {
  name: string; version: number; sha256: string; bytes: number; verified: boolean; loaded: boolean;
  heldOutAccuracy: number | null; error?: SafeErrorBody;
}

export function inventoryModels(modelsDir: string, loaded: Record<string, string>): ModelInfo[] {
  const out: ModelInfo[] = [];
  for (const name of listModelNames(modelsDir)) {
    for (const version of listVersions(modelsDir, name)) {
      const isLoaded = loaded[name] === String(version);
      try {
        const { manifest } = loadVerifiedModel(modelsDir, name, version);
        out.push({ name, version, sha256: manifest.sha256, bytes: manifest.bytes, verified: true, loaded: isLoaded, heldOutAccuracy: manifest.metrics.heldOutAccuracy ?? null });
      } catch (err) {
        const error = err instanceof SafeError ? err.toBody() : { code: 'SAFE_E_MODEL_MANIFEST_INVALID' as const, message: String(err) };
        let sha256 = '';
        let bytes = 0;
        try { ({ sha256, bytes } = readManifest(modelsDir, name, version)); } catch { /* manifest itself is the problem */ }
        out.push({ name, version, sha256, bytes, verified: false, loaded: isLoaded, heldOutAccuracy: null, error });
      }
    }
  }
  return out;
}
