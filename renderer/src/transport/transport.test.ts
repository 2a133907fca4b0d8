// The desktop transport against a fake preload bridge: progress matched by analysis id, engine errors
// surfaced with their stable code, engine status forwarded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SafeEdgeBridge, EngineStatus } from '../../../engine/contract/ipc.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import { createIpcTransport } from './ipcTransport.js';
import { EngineError } from './engineTransport.js';

function fakeBridge() {
  const progress = new Set<(e: ProgressEventBody) => void>();
  const status = new Set<(s: EngineStatus) => void>();
  const bridge = {
    analyze: async (_incident: unknown, analysisId: string) => {
      for (const l of progress) {
        l({ analysisId: 'someone-else', agent: 'field', state: 'started', atMs: 0 });
        l({ analysisId, agent: 'strategist', state: 'finished', atMs: 1, durationMs: 0.4 });
      }
      return { id: analysisId, status: 'ok', models: {}, timingsMs: {} };
    },
    run: async () => { throw Object.assign(new Error('SAFE_E_NOT_FOUND: no run'), { body: { code: 'SAFE_E_NOT_FOUND', message: 'no run' } }); },
    onProgress: (l: (e: ProgressEventBody) => void) => { progress.add(l); return () => progress.delete(l); },
    onEngineStatus: (l: (s: EngineStatus) => void) => { status.add(l); return () => status.delete(l); },
  } as unknown as SafeEdgeBridge;
  return { bridge, progress, status };
}

test('progress is matched to the analysis and the listener removed afterwards', async () => {
  const { bridge, progress } = fakeBridge();
  const seen: ProgressEventBody[] = [];
  const result = await createIpcTransport(bridge).analyze({ id: 'inc-7', text: 'x' }, (e) => seen.push(e));
  assert.equal(result.id, 'inc-7');
  assert.deepEqual(seen.map((e) => [e.analysisId, e.agent]), [['inc-7', 'strategist']]);
  assert.equal(progress.size, 0);
});

test('engine errors arrive as EngineError with the stable code', async () => {
  const { bridge } = fakeBridge();
  await assert.rejects(createIpcTransport(bridge).run('x'), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_NOT_FOUND');
});

test('engine status from the supervisor reaches the UI', () => {
  const { bridge, status } = fakeBridge();
  const states: string[] = [];
  const stop = createIpcTransport(bridge).onEngineStatus?.((s) => states.push(s.state));
  for (const l of status) l({ state: 'restarting', restarts: 1 });
  stop?.();
  assert.deepEqual(states, ['restarting']);
  assert.equal(status.size, 0);
});
