// The CLI end to end, as a user runs it: the examples, bad input, history, show and models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisResultSchema, type AnalysisResult } from '../engine/contract/result.js';
import { rehashModelFile } from '../engine/updates/testing/tamper.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'safe-edge.js');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, SAFE_EDGE_LOG: 'error' }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => analysisResultSchema.parse(JSON.parse(l)) as AnalysisResult);

test('analyze the examples: one contract-valid line per incident, in input order, right type', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-'));
  const { code, stdout } = cli(['analyze', 'examples/all.jsonl', '--data-dir', dataDir]);
  assert.equal(code, 0);
  const results = lines(stdout);
  assert.deepEqual(results.map((r) => r.id), ['cl2-yueyang-zh', 'cl2-railyard-en', 'fire-muli-zh', 'fire-pinecrest-en', 'flood-tuanzhou-zh', 'flood-tuanzhou-en', 'quake-jishishan-zh', 'quake-luding-en']);
  assert.deepEqual(results.map((r) => r.strategist?.type), ['hazmat_release', 'hazmat_release', 'wildfire', 'wildfire', 'flood', 'flood', 'earthquake', 'earthquake']);
  assert.ok(results.every((r) => r.status === 'ok'));
  const chlorine = results[0];
  assert.deepEqual(chlorine?.field?.plume?.thresholds.map((t) => t.level), ['AEGL-1', 'AEGL-2', 'AEGL-3']);
  // Earthquakes are graded by the national earthquake plan: 5 deaths alone would be IV, but an M6.2 in a
  // moderately populated area is initially judged II, and the higher level drives.
  assert.deepEqual([results[6]?.strategist?.severityStandard, results[6]?.strategist?.figures.deaths?.value, results[6]?.strategist?.severityInitial?.severity, results[6]?.strategist?.severity],
    ['national-earthquake-plan', 5, 'II', 'II'], '5 deaths read from the Chinese report, M6.2');
  assert.equal(results[7]?.strategist?.severity, 'II', '12 dead read from the English report, M6.8');
  assert.equal(results[0]?.strategist?.severityStandard, 'order-493');
});

test('bad incidents get stable codes naming the field; the rest of the batch and the saved history survive', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-'));
  assert.equal(cli(['analyze', 'examples/levee-breach-dongting-zh.json', '--data-dir', dataDir]).code, 0);
  const before = cli(['history', '--json', '--data-dir', dataDir]).stdout;
  const { code, stdout } = cli(['analyze', 'examples/bad-inputs.jsonl', '--data-dir', dataDir]);
  assert.equal(code, 1, 'exit 1 when any incident could not be analysed');
  const results = lines(stdout);
  assert.deepEqual(results.map((r) => r.status), ['ok', 'error', 'error', 'ok', 'error', 'ok'], 'an unknown substance is analysed (generic ERG guidance), not refused');
  assert.deepEqual(results.map((r) => r.error?.code ?? null), [null, 'SAFE_E_INVALID_JSON', 'SAFE_E_INVALID_FIELD', null, 'SAFE_E_INVALID_FIELD', null]);
  assert.deepEqual(results.map((r) => r.error?.field ?? null), [null, null, 'facts.weather.windSpeedMps', null, 'text', null]);
  assert.equal(results[2]?.id, 'neg-wind', 'the id of a bad line is kept when it can be read');
  const after = cli(['history', '--json', '--data-dir', dataDir]).stdout.trim().split('\n');
  assert.equal(after.length, 4, 'the three good incidents were added');
  assert.ok(after.includes(before.trim()), 'the run saved earlier is untouched');
});

test('a 5 MB report is refused with SAFE_E_TEXT_TOO_LONG, read from stdin', () => {
  const big = JSON.stringify({ id: 'huge', text: '泄漏'.repeat(2_500_000) });
  const { stdout, code } = cli(['analyze', '-', '--no-save'], big);
  assert.equal(code, 1);
  const [r] = lines(stdout);
  assert.equal(r?.error?.code, 'SAFE_E_TEXT_TOO_LONG');
  assert.equal(r?.error?.field, 'text');
});

test('text briefing, history, show with changes since the previous run, models', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-'));
  const text = cli(['analyze', 'examples/chlorine-tank-car-en.json', '--format', 'text', '--data-dir', dataDir]);
  assert.match(text.stdout, /ICS-201 INCIDENT BRIEFING/);
  assert.match(text.stdout, /AEGL-2 \(2 ppm\): [\d.]+ km downwind/);
  assert.match(text.stdout, /wind from W, plume toward E/);
  const updated = join(dataDir, 'update.json');
  writeFileSync(updated, JSON.stringify({ id: 'cl2-railyard-en', text: 'Chlorine rail car leak, now 12 dead', facts: { deaths: 12, release: { substance: 'chlorine', rateKgPerS: 8, heightM: 2 }, weather: { windSpeedMps: 4, windFromDeg: 270, daytime: true } } }));
  assert.equal(cli(['analyze', updated, '--data-dir', dataDir]).code, 0);
  const history = cli(['history', '--data-dir', dataDir]);
  assert.match(history.stdout, /cl2-railyard-en\s+#2/);
  const show = cli(['show', 'cl2-railyard-en', '--data-dir', dataDir]);
  assert.match(show.stdout, /Changes since run #1/);
  assert.match(show.stdout, /severity: IV → II/);
  const missing = cli(['show', 'no-such-run', '--data-dir', dataDir]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /SAFE_E_NOT_FOUND/);
  const models = cli(['models']);
  assert.equal(models.code, 0);
  assert.match(models.stdout, /incident-classifier v3\s+verified/);
  assert.match(models.stdout, /incident-classifier v3.*\n\s+int8\s+verified/, 'the int8 variant is hashed too');
});

test('models: a tampered int8 variant is reported refused and the command exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-cli-models-'));
  cpSync(join(ROOT, 'models'), dir, { recursive: true });
  const file = join(dir, 'incident-classifier', '3', 'model.int8.onnx');
  const bytes = readFileSync(file);
  bytes[100] = (bytes[100] as number) ^ 0xff;
  writeFileSync(file, bytes);
  const models = cli(['models', '--models-dir', dir]);
  assert.equal(models.code, 1);
  assert.match(models.stdout, /incident-classifier v3\s+verified.*\n\s+int8\s+REFUSED \(SAFE_E_MODEL_HASH_MISMATCH\)/);
});

test('models: a model rewritten with its manifest hash fixed is reported unsigned and the command exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-cli-models-'));
  cpSync(join(ROOT, 'models'), dir, { recursive: true });
  rehashModelFile(join(dir, 'plume-surrogate', '1'));
  const models = cli(['models', '--models-dir', dir]);
  assert.equal(models.code, 1);
  assert.match(models.stdout, /plume-surrogate v1\s+REFUSED \(SAFE_E_MODEL_UNSIGNED\)/);
  assert.match(models.stdout, /incident-classifier v3\s+verified/, 'the others still verify');
});

test('handover: an incident exported at one post imports at another; zones for GIS tools; bad files refused with their code', () => {
  const postA = mkdtempSync(join(tmpdir(), 'safe-cli-a-')), postB = mkdtempSync(join(tmpdir(), 'safe-cli-b-'));
  assert.equal(cli(['analyze', 'examples/chlorine-tank-car-zh.json', '--data-dir', postA]).code, 0);
  const exported = cli(['incident', 'export', 'cl2-yueyang-zh', '--data-dir', postA]);
  assert.equal(exported.code, 0, exported.stderr);
  const file = join(postB, 'handover.json');
  writeFileSync(file, exported.stdout);
  const imported = cli(['incident', 'import', file, '--data-dir', postB]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /cl2-yueyang-zh: 1 run\(s\) imported, 0 already here/);
  const shown = (dataDir: string) => JSON.parse(cli(['show', 'cl2-yueyang-zh', '--format', 'json', '--data-dir', dataDir]).stdout) as unknown;
  assert.deepEqual(shown(postB), shown(postA), 'the same run at both posts (its id, time, result and changes)');
  assert.match(cli(['incident', 'import', file, '--data-dir', postB]).stdout, /0 run\(s\) imported, 1 already here/);

  const geojson = JSON.parse(cli(['zones', 'geojson', 'cl2-yueyang-zh', '--lang', 'en', '--data-dir', postB]).stdout) as { type: string; features: Array<{ properties: { kind: string; name: string } }> };
  assert.equal(geojson.type, 'FeatureCollection');
  assert.ok(geojson.features.some((f) => f.properties.kind === 'zone' && f.properties.name.startsWith('Hot zone')));
  assert.match(cli(['zones', 'kml', 'cl2-yueyang-zh', '--data-dir', postB]).stdout, /<kml xmlns="http:\/\/www\.opengis\.net\/kml\/2\.2">[\s\S]*<name>热区/);

  writeFileSync(join(postB, 'not-json.json'), '{ nope');
  const broken = cli(['incident', 'import', join(postB, 'not-json.json'), '--data-dir', postB]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /SAFE_E_INVALID_JSON/);
  const foreign = cli(['incident', 'import', 'examples/chlorine-tank-car-zh.json', '--data-dir', postB]);
  assert.match(foreign.stderr, /SAFE_E_HANDOVER_INVALID/);
  assert.match(cli(['incident', 'import', join(postB, 'missing.json'), '--data-dir', postB]).stderr, /SAFE_E_FILE_UNREADABLE/);
  // The fire example has no coordinates: its zones cannot be placed on a map, and the command says so.
  assert.equal(cli(['analyze', 'examples/wildfire-village-zh.json', '--data-dir', postB]).code, 0);
  assert.match(cli(['zones', 'geojson', 'fire-muli-zh', '--data-dir', postB]).stderr, /SAFE_E_NO_LOCATION/);
});

test('analyze --models incident re-runs on the incident\'s first-run versions (remembered: engine/updates/keptModels.test.ts); show says so', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-'));
  assert.equal(cli(['analyze', 'examples/wildfire-village-en.json', '--data-dir', dataDir]).code, 0);
  const kept = lines(cli(['analyze', 'examples/wildfire-village-en.json', '--models', 'incident', '--data-dir', dataDir]).stdout)[0];
  assert.equal(kept?.modelChoice, 'incident');
  assert.match(cli(['show', 'fire-pinecrest-en', '--data-dir', dataDir]).stdout, /this run kept the model versions the incident started with/);
});
