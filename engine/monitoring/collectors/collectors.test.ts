// Device-health collectors (docs/device-health.md): the /proc parsers on fixed samples, the Linux collector
// on a fake /proc and /sys (a laptop with a battery, thermal zones and throttling) and on this machine,
// and "not available here" for what a machine does not expose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { busyRatio, parseLoadavg, parseMeminfo, parseNetDev, parseNumberBytes, parseProcStat, wordIs } from './procFiles.js';
import { FileReader } from './fileReader.js';
import { createLinuxCollector } from './linuxCollector.js';
import { capabilities, createDeviceCollector } from './index.js';

const STAT = (user: number, idle: number) => `cpu  ${user * 2} 0 0 ${idle * 2} 0 0 0 0 0 0\ncpu0 ${user} 0 0 ${idle} 0 0 0 0 0 0\ncpu1 ${user} 0 0 ${idle} 0 0 0 0 0 0\nintr 1\n`;
const MEMINFO = 'MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    4000000 kB\nSwapTotal:       2000000 kB\nSwapFree:        1500000 kB\n';

test('parsers: CPU busy share between samples, memory used from MemAvailable, swap, load, network without loopback', () => {
  const a = parseProcStat(STAT(100, 900)), b = parseProcStat(STAT(400, 1600));
  assert.equal(a.cores.length, 2);
  assert.ok(Math.abs((busyRatio(a.total, b.total) ?? 0) - 0.3) < 1e-9, '300 busy of 1000 jiffies');
  assert.equal(busyRatio(a.total, a.total), null, 'no time passed: no figure');
  const m = parseMeminfo(MEMINFO);
  assert.ok(Math.abs(m.memUsedRatio - 0.75) < 1e-9);
  assert.ok(Math.abs((m.swapUsedRatio ?? 0) - 0.25) < 1e-9);
  assert.deepEqual(parseLoadavg('0.50 0.40 0.30 1/200 1234\n'), [0.5, 0.4, 0.3]);
  const net = 'Inter-|   Receive\n face |bytes\n    lo: 999 1 0 0 0 0 0 0 999 1 0 0 0 0 0 0\n  eth0: 1000 10 0 0 0 0 0 0 2000 20 0 0 0 0 0 0\n';
  assert.deepEqual(parseNetDev(net), { receiveBytes: 1000, transmitBytes: 2000 });
});

function fakeRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'safe-fake-root-'));
  for (const [path, text] of Object.entries(files)) { mkdirSync(dirname(join(root, path)), { recursive: true }); writeFileSync(join(root, path), text); }
  return root;
}

test('a laptop on a fake /proc and /sys: CPU after the second sample, battery, temperature, throttling', async () => {
  const files: Record<string, string> = {
    'proc/stat': STAT(100, 900), 'proc/meminfo': MEMINFO, 'proc/loadavg': '1.5 1.0 0.5 1/1 1\n', 'proc/net/dev': 'a\nb\n eth0: 5 0 0 0 0 0 0 0 7 0\n',
    'sys/class/power_supply/BAT0/type': 'Battery\n', 'sys/class/power_supply/BAT0/capacity': '8\n', 'sys/class/power_supply/BAT0/status': 'Discharging\n',
    'sys/class/power_supply/AC/type': 'Mains\n',
    'sys/class/thermal/thermal_zone0/temp': '71000\n', 'sys/class/thermal/thermal_zone1/temp': '93500\n',
    'sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count': '3\n',
  };
  const root = fakeRoot(files);
  const collector = createLinuxCollector({ root, dataDir: root });
  const first = await collector.sample(0);
  assert.equal(first.values.safe_cpu_busy_ratio, undefined, 'one sample cannot give a CPU share');
  assert.equal(first.values.safe_battery_charge_ratio, 0.08);
  assert.equal(first.values.safe_battery_charging, 0);
  assert.equal(first.values.safe_temperature_celsius, 93.5, 'the hottest zone');
  assert.equal(first.values.safe_load1, 1.5);
  assert.ok((first.values.safe_disk_used_ratio ?? -1) >= 0 && (first.values.safe_disk_used_ratio ?? 2) <= 1);
  writeFileSync(join(root, 'proc/stat'), STAT(400, 1600));
  writeFileSync(join(root, 'sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count'), '5\n');
  const second = await collector.sample(1000);
  assert.ok(Math.abs((second.values.safe_cpu_busy_ratio ?? 0) - 0.3) < 1e-9);
  assert.deepEqual(second.perCoreBusyRatio.map((r) => Math.round(r * 10) / 10), [0.3, 0.3]);
  assert.equal(second.values.safe_thermal_throttled, 1, 'the throttle counter rose');
});

test('a machine with no battery and no thermal zones says so: not available, never 0', async () => {
  const root = fakeRoot({ 'proc/stat': STAT(1, 1), 'proc/meminfo': MEMINFO, 'proc/loadavg': '0 0 0 1/1 1', 'proc/net/dev': 'a\nb\n' });
  const collector = createLinuxCollector({ root, dataDir: root });
  const samples = [await collector.sample(0), await collector.sample(1000)];
  const caps = capabilities(samples);
  assert.equal(caps.safe_battery_charge_ratio, 'not-available');
  assert.equal(caps.safe_temperature_celsius, 'not-available');
  assert.equal(caps.safe_memory_used_ratio, 'available');
  assert.equal(samples[1]!.values.safe_battery_charge_ratio, undefined);
});

test('this machine: the collector for its OS gives memory and disk', async () => {
  const collector = await createDeviceCollector({ dataDir: tmpdir() });
  await collector.sample(0);
  const s = await collector.sample(1000);
  assert.ok((s.values.safe_memory_used_ratio ?? -1) > 0 && (s.values.safe_memory_used_ratio ?? 2) < 1);
  assert.ok((s.values.safe_disk_free_bytes ?? 0) > 0);
});

test('fault-injection sources: overlay files replace the machine\'s, and the data directory can be a small disk', async () => {
  const root = fakeRoot({ 'proc/stat': STAT(1, 1), 'proc/meminfo': MEMINFO, 'proc/loadavg': '0.25 0 0 1/1 1', 'proc/net/dev': 'a\nb\n' });
  const overlay = fakeRoot({
    'proc/meminfo': 'MemTotal: 1000 kB\nMemAvailable: 50 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n',
    'sys/class/power_supply/BAT1/type': 'Battery\n', 'sys/class/power_supply/BAT1/capacity': '42\n', 'sys/class/power_supply/BAT1/status': 'Charging\n',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-small-disk-'));
  mkdirSync(join(dataDir, 'sub'));
  writeFileSync(join(dataDir, 'sub', 'fill.bin'), Buffer.alloc(3000));
  const collector = createLinuxCollector({ root, dataDir, sources: { overlayRoot: overlay, diskCapacityBytes: 4000 } });
  const s = await collector.sample(0);
  assert.ok(Math.abs((s.values.safe_memory_used_ratio ?? 0) - 0.95) < 1e-9, 'meminfo from the overlay');
  assert.equal(s.values.safe_load1, 0.25, 'loadavg from the machine (not in the overlay)');
  assert.equal(s.values.safe_battery_charge_ratio, 0.42);
  assert.equal(s.values.safe_battery_charging, 1);
  assert.equal(s.values.safe_disk_used_ratio, 0.75, '3000 of 4000 bytes');
  assert.equal(s.values.safe_disk_free_bytes, 1000);
});

test('the file reader: a kept /proc descriptor reads fresh text each time; a fake file replaced by renaming is read anew; a long file is read whole', () => {
  const machine = new FileReader('/', undefined);
  const readSchedstat = () => { const n = machine.read('proc/thread-self/schedstat'); return Number(machine.buf.toString('latin1', 0, n).split(' ')[0]); };
  const before = readSchedstat();
  for (let spin = Date.now(); Date.now() - spin < 30;) { /* run on a CPU for a while */ }
  assert.ok(readSchedstat() > before, 'the same descriptor, read again from offset 0, shows the time this thread ran since');
  assert.equal(machine.read('proc/no-such-file'), -1);
  machine.close();

  const root = fakeRoot({ 'proc/loadavg': '1.0 1.0 1.0 1/1 1\n', 'proc/long': 'x'.repeat(70_000) });
  const fake = new FileReader(root, undefined);
  const text = (n: number) => fake.buf.toString('latin1', 0, n);
  assert.equal(text(fake.read('proc/loadavg')), '1.0 1.0 1.0 1/1 1\n');
  writeFileSync(join(root, 'proc/loadavg.tmp'), '2.0 2.0 2.0 1/1 1\n');
  renameSync(join(root, 'proc/loadavg.tmp'), join(root, 'proc/loadavg')); // as the fake machine writes it
  assert.equal(text(fake.read('proc/loadavg')), '2.0 2.0 2.0 1/1 1\n');
  assert.equal(fake.read('proc/long'), 70_000, 'longer than the first buffer');
  fake.close();
});

test('the byte parsers read what Number() reads, and refuse what it refuses', () => {
  const number = (text: string) => parseNumberBytes(Buffer.from(text), text.length);
  assert.equal(number('93500\n'), 93_500);
  assert.equal(number('-2.5\n'), -2.5);
  assert.equal(number('12.3'), 12.3);
  assert.ok(Number.isNaN(number('')), 'an empty attribute is no reading (Number("") would say 0)');
  assert.ok(Number.isNaN(number('12abc\n')));
  assert.deepEqual(parseLoadavg('0.30 10.05 7 1/200 1234\n'), [0.3, 10.05, 7]);
  const word = (text: string, w: string) => wordIs(Buffer.from(text), text.length, w);
  assert.ok(word('Charging\n', 'Charging') && !word('Not charging\n', 'Charging') && !word('Charging2\n', 'Charging'));
});
