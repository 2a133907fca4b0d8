// The report-screen model at build time: the trainer on a toy problem, the corpus's split by genre (its
// held-out figure is on kinds of message never trained on), the hand-written sets it may never see, and a
// deterministic rebuild that gives the shipped bytes (whose manifest the engine verifies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODELS_DIR } from '../engine/inference/modelRepository.js';
import { REPORT_SCREEN_MODEL_NAME } from '../engine/agents/strategist/classifier/reportScreen.js';
import { predictLogisticBag, trainLogisticBag } from './logisticBag.js';
import { DEFAULT_SCREEN_CORPUS, generateScreenCorpus } from './corpus/screenCorpus.js';
import { buildReportScreen, handWrittenScreening, REPORT_SCREEN_VERSION, SCREEN_UNTRAINED_SETS } from './reportScreen.js';

test('the logistic bag learns which features tell the label, however many others a text has, and reruns to the same weights', () => {
  // Feature 1 marks label 1; features 10..40 are noise on both sides, and many of them in a long text.
  const examples = Array.from({ length: 400 }, (_, i) => {
    const label = (i % 2) as 0 | 1;
    const noise = Array.from({ length: 1 + (i % 30) }, (_, k) => 10 + ((i * 7 + k) % 30));
    return { ids: label ? [1, ...noise] : noise, label };
  });
  const a = trainLogisticBag(examples, 64);
  const b = trainLogisticBag(examples, 64);
  assert.deepEqual(a.weights, b.weights);
  assert.ok(predictLogisticBag(a, [1, ...Array.from({ length: 30 }, (_, k) => 10 + k)]) > 0.9, 'the marker wins beside thirty noise features');
  assert.ok(predictLogisticBag(a, [12, 13]) < 0.5);
  assert.equal(predictLogisticBag(a, [1, 1, 1]), predictLogisticBag(a, [1]), 'a feature counts once');
});

test('the corpus holds whole genres out of training, in both languages', () => {
  const corpus = generateScreenCorpus({ ...DEFAULT_SCREEN_CORPUS, noticesPerGenrePerLang: 20, incidentsPerTypePerLang: 16 });
  const notices = corpus.filter((e) => e.label === 1);
  const trainGenres = new Set(notices.filter((e) => e.split === 'train').map((e) => e.genre));
  const testGenres = new Set(notices.filter((e) => e.split === 'test').map((e) => e.genre));
  assert.ok(testGenres.size >= 5);
  for (const g of testGenres) assert.ok(!trainGenres.has(g), `${g} is in both splits`);
  for (const lang of ['zh', 'en']) assert.ok(corpus.some((e) => e.lang === lang && e.label === 0) && notices.some((e) => e.lang === lang));
});

test('the hand-written sets t, u, w and x are never trained on', () => {
  assert.deepEqual([...SCREEN_UNTRAINED_SETS].sort(), ['reading-t-', 'reading-u-', 'reading-w-', 'reading-x-']);
  const trained = handWrittenScreening();
  assert.ok(new Set(trained.map((h) => h.file)).size >= 10, 'the development sets are read');
  const trainedTexts = new Set(trained.map((h) => h.text));
  const evalDir = fileURLToPath(new URL('../../eval/reports/fresh', import.meta.url));
  for (const set of ['t', 'u', 'w', 'x']) {
    for (const lang of ['zh', 'en']) {
      const items = readFileSync(join(evalDir, `reading-${set}-${lang}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
      assert.ok(items.length >= 20, `set ${set} (${lang}) is there`);
      for (const item of items) assert.ok(!trainedTexts.has(item.text), `set ${set}'s "${item.text.slice(0, 30)}" is in the training`);
    }
  }
});

test('models:build rebuilds the shipped report screen byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-screen-build-'));
  const manifest = await buildReportScreen(dir, () => {});
  const versionDir = (root: string) => join(root, REPORT_SCREEN_MODEL_NAME, String(REPORT_SCREEN_VERSION));
  assert.deepEqual(readFileSync(join(versionDir(dir), 'model.onnx')), readFileSync(join(versionDir(DEFAULT_MODELS_DIR), 'model.onnx')));
  assert.deepEqual(readFileSync(join(versionDir(dir), 'manifest.json')), readFileSync(join(versionDir(DEFAULT_MODELS_DIR), 'manifest.json')));
  assert.ok((manifest.metrics.perClassRecall?.not_incident ?? 0) > 0.6, 'notices of genres never trained on are mostly caught');
  assert.ok((manifest.metrics.perClassRecall?.incident ?? 0) > 0.9);
});
