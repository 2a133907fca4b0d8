// Every text path linear in its input (docs/hardening.md, Edges): reports of the longest allowed length
// built from the repeated pieces of each pattern that reads user text (agents/reading/testing/
// adversarialTexts.ts) go through the whole pipeline on real workers, the S-Agent's reading, tokenising and
// classifier included. Each must complete inside the agents' own timeout (a backtracking pattern at 20 000
// characters takes seconds to minutes, so the agent would be killed and the result not ok) and be sane.
// Nothing is timed here; `npm run bench:fuzz` prints how long the slowest one takes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TEXT_CHARS } from '../contract/incident.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { adversarialTexts } from '../agents/reading/testing/adversarialTexts.js';
import { Orchestrator } from './orchestrator.js';
import { analysisHolds } from './testing/incidentArbitraries.js';

let orchestrator: Orchestrator;
before(async () => {
  orchestrator = await Orchestrator.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-adversarial-')), workers: 2 }), { logger: createLogger('silent') });
});
after(async () => { await orchestrator.close(); });

test('every adversarial report of the longest allowed length completes through the pipeline with a sane result', async () => {
  const texts = adversarialTexts();
  assert.ok(texts.length >= 30);
  for (const { name, text } of texts) {
    assert.equal(text.length, MAX_TEXT_CHARS, name);
    const result = await analysisHolds({ text }, (incident) => orchestrator.analyze(incident)).catch((err: Error) => assert.fail(`${name}: ${err.message}`));
    const strategist = result.strategist;
    assert.ok(strategist, `${name}: the S-Agent answered`);
    // A figure read from a run of digits is still a count a person could report, never an overflow.
    for (const [figure, read] of Object.entries(strategist.figures)) assert.ok(read && Number.isSafeInteger(read.value) && read.value >= 0, `${name}: ${figure} = ${read?.value}`);
  }
});
