// Build step (npm run build): the SOP library's YAML (engine/knowledge/sops), checked, written as one JSON
// file beside the compiled library (dist/engine/knowledge/sops.json) so agent workers start without a YAML
// parser's cold start (engine/knowledge/sopLibrary.ts, COMPILED_SOPS_FILE). A bad SOP fails the build.
import { writeFileSync } from 'node:fs';
import { COMPILED_SOPS_FILE, loadSops, sopSourceSha256, type CompiledSops } from '../engine/knowledge/sopLibrary.js';

const library = loadSops();
const compiled: CompiledSops = { sourceSha256: sopSourceSha256(), sops: [...library.values()] };
writeFileSync(COMPILED_SOPS_FILE, JSON.stringify(compiled));
process.stdout.write(`SOP library: ${library.size} SOPs compiled to ${COMPILED_SOPS_FILE}\n`);
