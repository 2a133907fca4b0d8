// For tests: the attack signed models stop (docs/models.md#signed-models): a version's model file rewritten
// and its manifest's sha256 and size fixed to match, so the manifest check alone would pass it.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export function rehashModelFile(versionDir: string): void {
  const manifestPath = join(versionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { file: string; sha256: string; bytes: number };
  const model = join(versionDir, manifest.file);
  appendFileSync(model, Buffer.from([0]));
  const bytes = readFileSync(model);
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }, null, 2) + '\n');
}
