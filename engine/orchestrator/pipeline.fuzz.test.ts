// The whole pipeline fuzzed over the incident schema (fast-check, fixed seeds, bounded runs): any valid
// incident, with facts at their limits and adversarial text, is analysed on real workers and gives a
// result that satisfies the contract, every agent finished (no crash, no uncoded error), and not one
// NaN or Infinity anywhere in it. The arbitraries are in testing/incidentArbitraries.ts; the long run is
// `npm run bench:fuzz` (bench/fuzz.ts), or SAFE_FUZZ_RUNS=2000 node --test dist/engine/orchestrator/pipeline.fuzz.test.js
import { test, before, after } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { Orchestrator } from './orchestrator.js';
import { FUZZ_SEED, analysisHolds, incidentArbitrary } from './testing/incidentArbitraries.js';

const RUNS = Number(process.env.SAFE_FUZZ_RUNS ?? 60);

let orchestrator: Orchestrator;
before(async () => {
  orchestrator = await Orchestrator.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-fuzz-')), workers: 2 }), { logger: createLogger('silent') });
});
after(async () => { await orchestrator.close(); });

test('any valid incident: a contract-valid result, every agent finished, no NaN or Infinity', async () => {
  await fc.assert(fc.asyncProperty(incidentArbitrary, async (input) => {
    await analysisHolds(input, (incident) => orchestrator.analyze(incident));
  }), { seed: FUZZ_SEED, numRuns: RUNS });
});
