import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadCompiledSops, loadSops, sopFor, sopLibrary, sopSchema, sopSourceSha256, supplementsFor } from './sopLibrary.js';

const task = { id: 't', title: 'Do it', titleZh: '执行', unitKind: 'police', deadlineMin: 10, lifeSafety: 1, timeUrgency: 1 };
const sop = (tasks: object[]) => ({
  id: 'x', title: 'X', titleZh: 'X', appliesTo: ['other'],
  objectives: [{ id: 'o', title: 'O', titleZh: 'O', lifeSafety: 1, timeUrgency: 1, resources: 1, scope: 1, feasibility: 1 }],
  phases: [{ id: 'p', name: 'P', nameZh: 'P', tasks }],
});
const problem = (tasks: object[]) => sopSchema.safeParse(sop(tasks)).error?.issues[0]?.message;

test('the SOP library loads, and every SOP with treatment has extrication to put first', () => {
  const library = loadSops();
  for (const s of library.values()) {
    const flags = new Set(s.phases.flatMap((p) => p.tasks.map((t) => t.lifeSaving)));
    assert.equal(flags.has('treatment'), flags.has('extrication'), s.id);
  }
});

test('SOP tasks: conditions, placeholders and fallbacks are checked at load', () => {
  assert.equal(problem([{ ...task, when: { hazards: ['flammable'], bleve: true } }]), undefined);
  assert.equal(problem([{ ...task, when: [{ corrosive: true }, { ergGuides: [128] }] }]), undefined);
  assert.match(problem([{ ...task, when: { ignition: true } }]) ?? '', /unrecognized|Unrecognized/);
  assert.match(problem([{ ...task, when: {} }]) ?? '', /empty condition/);
  assert.match(problem([{ ...task, when: { hazards: ['explosive'] } }]) ?? '', /.+/);
  const quoted = { ...task, title: 'Evacuate {fireIsolationM} m', titleZh: '撤离{fireIsolationM}米' };
  assert.match(problem([quoted]) ?? '', /needs a fallback/);
  assert.equal(problem([{ ...quoted, fallback: { title: 'Evacuate', titleZh: '撤离' } }]), undefined);
  assert.match(problem([{ ...quoted, titleZh: '撤离', fallback: { title: 'E', titleZh: '撤' } }]) ?? '', /different numbers/);
  assert.match(problem([{ ...task, title: 'go {distance} m', titleZh: '{distance}', fallback: { title: 'go', titleZh: '去' } }]) ?? '', /unknown placeholder \{distance\}/);
  assert.match(problem([{ ...quoted, fallback: { title: '{halfLelM}', titleZh: '撤' } }]) ?? '', /fallback may not/);
  assert.match(problem([task, task]) ?? '', /task id t twice/);
});

test('a supplement joins the SOPs of its types, is never an SOP itself, and may not reuse their task ids', () => {
  const library = loadSops();
  assert.equal(sopFor('flood', library).id, 'flood');
  assert.deepEqual(supplementsFor('earthquake', library).map((s) => s.id), ['relief']);
  assert.deepEqual(supplementsFor('traffic_accident', library), []);
  const dir = mkdtempSync(join(tmpdir(), 'sops-'));
  try {
    const general = { ...sop([task]), id: 'general', appliesTo: ['other'] };
    const own = { ...sop([{ ...task, id: 'shelter' }]), id: 'storm', appliesTo: ['severe_weather'] };
    const supplement = { ...sop([{ ...task, id: 'shelter' }]), id: 'aid', appliesTo: ['severe_weather'], supplement: true };
    writeFileSync(join(dir, 'general.yaml'), stringify(general));
    writeFileSync(join(dir, 'storm.yaml'), stringify(own));
    writeFileSync(join(dir, 'aid.yaml'), stringify(supplement));
    assert.throws(() => loadSops(dir), /SOP storm and supplement aid both have task shelter/);
    writeFileSync(join(dir, 'aid.yaml'), stringify({ ...supplement, phases: [{ id: 'p', name: 'P', nameZh: 'P', tasks: [{ ...task, id: 'supply' }] }] }));
    const loaded = loadSops(dir);
    assert.equal(sopFor('severe_weather', loaded).id, 'storm', 'a supplement is never chosen as the SOP');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build\'s JSON library is the YAML library, and is what the engine loads; a stale or bad one is not used', () => {
  const fromYaml = loadSops();
  assert.deepEqual([...(loadCompiledSops() ?? new Map()).entries()], [...fromYaml.entries()], 'rebuilt with the YAML (npm run build)');
  assert.deepEqual([...sopLibrary().keys()], [...fromYaml.keys()]);
  const dir = mkdtempSync(join(tmpdir(), 'safe-sops-json-'));
  try {
    const file = join(dir, 'sops.json');
    const write = (sops: unknown[], sourceSha256 = sopSourceSha256()) => writeFileSync(file, JSON.stringify({ sourceSha256, sops }));
    write([...fromYaml.values()], 'a build from other YAML');
    assert.equal(loadCompiledSops(file), null, 'built from other YAML: the YAML is read instead');
    write([...fromYaml.values()].map((s) => (s.id === 'general' ? { ...s, phases: 'none' } : s)));
    assert.throws(() => loadCompiledSops(file), /SOP .*sops\.json\[\d+\]: phases/);
    write([...fromYaml.values()].filter((s) => s.id !== 'general'));
    assert.throws(() => loadCompiledSops(file), /has no general SOP/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
