// The learned report screen in the S-Agent: when the model has a say (never over a call for help, a stated
// count, a drill, the form's facts or sensors, nor a message the rules already screened), the threshold, and
// the model itself in a worker, tampered with and refused (the rules then screen alone). Sentences are our
// own, never the hand-written evaluation sets' (eval/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '../../contract/parseIncident.js';
import type { StrategistResult } from '../../contract/result.js';
import { SafeError } from '../../contract/errors.js';
import { DEFAULT_MODELS_DIR } from '../../inference/modelRepository.js';
import { createWorkerContext, runStageTask, stageModels, workerModels } from '../../orchestrator/agentTasks.js';
import { readReport } from '../reading/index.js';
import { LEARNED_NOT_INCIDENT_FROM, learnedNotIncident, learnedScreenApplies } from './learnedScreen.js';
import { REPORT_SCREEN_MODEL_NAME, ReportScreenModel } from './classifier/reportScreen.js';

const verdict = (text: string, p: number, input: Record<string, unknown> = {}) => {
  const incident = parseIncident({ text, ...input });
  return learnedNotIncident(incident, readReport(incident), p);
};

test('the learned screen speaks only where the rules found no evidence of their own', () => {
  const kept = 'Podcast episode 12: the chemical plant explosion that changed safety law forever, out now on all platforms.';
  assert.equal(verdict(kept, 0.97)?.reason, 'learned_notice');
  assert.equal(verdict(kept, 0.97)?.probability, 0.97);
  assert.equal(verdict(kept, 0.97)?.cue, 'Podcast episode 12: the chemical plant…', 'the opening words, cut at a word\'s end');
  assert.equal(verdict(kept, LEARNED_NOT_INCIDENT_FROM - 0.01), undefined, 'below the threshold the message is kept');
  assert.equal(verdict(kept, undefined as unknown as number), undefined, 'no model, no verdict');
  assert.equal(verdict('Water is over the road at the river station, send a boat', 0.99), undefined, 'a call for help');
  assert.equal(verdict('Riverside station: 3 injured after the roof came down', 0.99), undefined, 'a stated count');
  assert.equal(verdict('河边泵站屋顶塌了，2人受伤', 0.99), undefined, 'a stated count, in Chinese');
  assert.equal(verdict('Exercise in progress at the river station: simulated roof collapse', 0.99), undefined, 'a drill');
  assert.equal(verdict(kept, 0.99, { facts: { evacuated: 40 } }), undefined, 'facts from the form');
  // Pleas and events told as happening now are the rules' evidence, whatever the model says of them.
  for (const text of ['Please come to 12 Oak Street, the garage is on fire', 'Come now, the barn is on fire', 'Granny fell and hit her head, she is bleeding',
    '请快点过来，我爸摔倒了', '有人受伤了，快来帮忙', '着火了，快来啊！', 'My neighbour\'s shed is on fire', '厨房着火了']) {
    const incident = parseIncident({ text });
    assert.equal(learnedScreenApplies(incident, readReport(incident)), false, text);
  }
  const screenedByRules = parseIncident({ text: 'test message please ignore' });
  const reading = readReport(screenedByRules);
  assert.equal(reading.notIncident?.reason, 'test_message');
  assert.equal(learnedScreenApplies(screenedByRules, reading), false, 'the rules\' own verdict stands');
});

test('the report-screen model reads a notice as one and a report from the scene as an incident', async () => {
  const model = await ReportScreenModel.load(DEFAULT_MODELS_DIR);
  try {
    const notices = ['New album review: their single Landslide is a slow burner',
      '本周五下午三点在二楼会议室召开防汛物资采购评审会，请各科室派员参加。'];
    const reports = ['Smoke pouring from the third floor of the Elm Street flats, people at the windows',
      '仓库起火，浓烟很大，火势正在蔓延'];
    for (const text of notices) assert.ok(await model.notIncidentProbability(text) >= LEARNED_NOT_INCIDENT_FROM, text);
    for (const text of reports) assert.ok(await model.notIncidentProbability(text) < 0.5, text);
  } finally {
    await model.release();
  }
});

test('in a worker, the model screens a notice the rules kept, and names itself among the S-Agent\'s models', async () => {
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  try {
    assert.equal(workerModels(context)[REPORT_SCREEN_MODEL_NAME], '1');
    assert.ok(REPORT_SCREEN_MODEL_NAME in stageModels(context, 'strategist'));
    const incident = parseIncident({ text: 'New album review: their single Landslide is a slow burner' });
    const reading = readReport(incident);
    assert.equal(reading.notIncident, undefined, 'the rules keep it (else this test proves nothing about the model)');
    const result = await runStageTask(context, 'strategist', { incident, reading }) as StrategistResult;
    assert.equal(result.type, 'other');
    assert.equal(result.notIncidentReason?.reason, 'learned_notice');
  } finally {
    await context.core.release();
  }
});

test('a tampered report-screen model is refused; the worker then screens by the rules alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-screen-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const file = join(dir, REPORT_SCREEN_MODEL_NAME, '1', 'model.onnx');
  const bytes = readFileSync(file);
  bytes[bytes.length - 8] = (bytes[bytes.length - 8] as number) ^ 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(ReportScreenModel.load(dir), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_MODEL_HASH_MISMATCH');
  const context = await createWorkerContext(dir);
  try {
    assert.equal(context.reportScreen, null);
    assert.ok(context.warnings.some((w) => w.startsWith('report screen model not used')), context.warnings.join('\n'));
    const incident = parseIncident({ text: 'New album review: their single Landslide is a slow burner' });
    const result = await runStageTask(context, 'strategist', { incident, reading: readReport(incident) }) as StrategistResult;
    assert.equal(result.notIncidentReason, undefined);
  } finally {
    await context.core.release();
  }
});
