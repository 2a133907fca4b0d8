// glibc's thresholds fixed from inside the process (docs/hardening.md#memory). The effect is shown in two
// child processes doing the same thing, the pattern of a large incident: a 20 MB block freed (glibc then
// raises its mmap threshold to 20 MB), then 200 blocks of 1 MB allocated and freed while a small block
// allocated after them stays. With glibc's defaults the 200 MB stays in the RSS (the freed blocks sit below
// the one still in use); with the engine's tuning they were mmapped and went back to the system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ALLOCATOR_ENVIRONMENT, applyAllocatorTuning, MMAP_THRESHOLD_BYTES, TRIM_THRESHOLD_BYTES } from './nativeAllocator.js';

const MODULE = fileURLToPath(new URL('./nativeAllocator.js', import.meta.url));
const CHILD = `
const { tuneNativeAllocator } = await import(${JSON.stringify(MODULE)});
const tuning = process.argv[1] === 'tune' ? tuneNativeAllocator() : null;
const rssMb = () => process.memoryUsage.rss() / 1048576;
let big = Buffer.allocUnsafeSlow(20 * 1048576); big.fill(1); big = null; gc(); gc();
let blocks = [];
for (let i = 0; i < 200; i++) { const b = Buffer.allocUnsafeSlow(1048576); b.fill(2); blocks.push(b); }
const kept = Buffer.allocUnsafeSlow(4096); kept.fill(3);
const fullMb = rssMb();
blocks = null; gc(); gc();
console.log(JSON.stringify({ tuning, fullMb, afterFreeMb: rssMb(), kept: kept.length }));
`;

function runChild(mode: 'tune' | 'defaults'): { tuning: { state: string } | null; fullMb: number; afterFreeMb: number } {
  const env = { ...process.env };
  for (const name of ALLOCATOR_ENVIRONMENT) delete env[name];
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD, mode], { env, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

test('with the thresholds fixed, memory freed after a large block goes back to the system', { skip: process.platform !== 'linux' && 'glibc only' }, () => {
  const defaults = runChild('defaults');
  const tuned = runChild('tune');
  assert.equal(tuned.tuning?.state, 'tuned');
  // Both held the 200 MB while it was in use.
  assert.ok(defaults.fullMb - defaults.afterFreeMb < 50, `glibc's defaults gave back ${(defaults.fullMb - defaults.afterFreeMb).toFixed(0)} MB (this test expects them to keep it)`);
  assert.ok(tuned.fullMb - tuned.afterFreeMb > 150, `tuned gave back only ${(tuned.fullMb - tuned.afterFreeMb).toFixed(0)} MB of 200`);
});

test('the thresholds are set through mallopt, and an operator\'s environment settings are left alone', () => {
  const calls: Array<[number, number]> = [];
  const mallopt = (param: number, value: number) => { calls.push([param, value]); return 1; };
  assert.deepEqual(applyAllocatorTuning({}, () => mallopt), { state: 'tuned', mmapThresholdBytes: MMAP_THRESHOLD_BYTES, trimThresholdBytes: TRIM_THRESHOLD_BYTES });
  assert.deepEqual(calls, [[-3, MMAP_THRESHOLD_BYTES], [-1, TRIM_THRESHOLD_BYTES]]);

  calls.length = 0;
  assert.deepEqual(applyAllocatorTuning({ MALLOC_MMAP_THRESHOLD_: '65536' }, () => mallopt), { state: 'set-by-environment', settings: ['MALLOC_MMAP_THRESHOLD_=65536'] });
  assert.deepEqual(calls, [], 'mallopt is not called when the environment chose');
});

test('without glibc, or when mallopt refuses, nothing is changed and the reason is said', () => {
  assert.deepEqual(applyAllocatorTuning({}, () => 'not Linux (darwin): the system\'s allocator is left as it is'), { state: 'unavailable', reason: 'not Linux (darwin): the system\'s allocator is left as it is' });
  assert.deepEqual(applyAllocatorTuning({}, () => () => 0), { state: 'unavailable', reason: 'mallopt refused the thresholds' });
});
