// A re-analysis says what moved and why: the report, the facts, or a model version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult } from '../contract/result.js';
import type { Incident } from '../contract/incident.js';
import { compareRuns } from './compareRuns.js';

const result = (fire: string, severity: string) => ({ id: 'x', status: 'ok', models: { 'fire-spread-surrogate': fire, 'incident-classifier': '2' }, timingsMs: {}, strategist: { type: 'wildfire', severity } }) as unknown as AnalysisResult;
const incident = (text: string, windSpeedMps?: number) => ({ text, ...(windSpeedMps === undefined ? {} : { facts: { weather: { windSpeedMps } } }) }) as unknown as Incident;

test('a model version that changed between two runs is named, beside the report and facts', () => {
  const changes = compareRuns(result('2', 'III'), result('3', 'III'), { before: incident('fire near the village'), after: incident('fire near the village') });
  assert.deepEqual(changes, [{ what: 'model fire-spread-surrogate', before: '2', after: '3' }], 'only the model changed');
  const both = compareRuns(result('2', 'III'), result('2', 'II'), { before: incident('fire'), after: incident('fire, now two houses burning', 8) });
  assert.deepEqual(both.map((c) => c.what), ['report text', 'facts', 'severity']);
});
