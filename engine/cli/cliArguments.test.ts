// Every option a command takes is checked before an engine opens and refused with SAFE_E_INVALID_FIELD
// naming the option as typed: the options derived from the operations table (each one given a value its
// schema refuses) and the whole-number options every command shares. And a file the CLI reads is held to
// the HTTP API's prototype-key rule: both doors accept and refuse the same bodies, with the same code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { CLI_OPERATIONS, OPERATIONS, type OperationSpec } from '../contract/operations.js';
import { parseIncidentText } from '../contract/parseIncident.js';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { buildServer } from '../server/app.js';
import { buildCli } from './main.js';

const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-args-'));
const jsonFile = join(dataDir, 'bundle.json');
writeFileSync(jsonFile, '{}');
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Runs the CLI in this process; resolves with the error it refused with (the CLI prints it as CODE: message). */
async function refusal(argv: string[]): Promise<SafeError> {
  try {
    await buildCli().parseAsync(['node', 'safe-edge', ...argv, '--data-dir', dataDir]);
  } catch (err) {
    assert.ok(err instanceof SafeError, `${argv.join(' ')}: ${String(err)}`);
    return err;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

/** Values a command line can carry that some option's schema refuses: not a number, not whole, out of range, too long. */
const CANDIDATES = ['abc', '1.5', '0', '-1', '1e9', 'x'.repeat(5000)];

test('every option derived from the operations table refuses a bad value with a code naming the option', async () => {
  const covered: string[] = [];
  for (const name of CLI_OPERATIONS) {
    const spec: OperationSpec = OPERATIONS[name];
    const cli = spec.cli as { command: string; positional?: string };
    const positional = cli.positional === 'name' ? 'plume-surrogate' : jsonFile;
    for (const key of Object.keys(spec.args.shape).filter((k) => k !== cli.positional)) {
      const base = cli.positional ? { [cli.positional]: cli.positional === 'bundle' && name === 'importIncident' ? {} : positional } : {};
      // The first candidate the schema refuses for this option alone (an option no text can break is skipped).
      const bad = CANDIDATES.find((value) => {
        const parsed = spec.args.safeParse({ ...base, [key]: value });
        return !parsed.success && parsed.error.issues[0]?.path[0] === key;
      });
      if (bad === undefined) continue;
      const err = await refusal([...cli.command.split(' '), ...(cli.positional ? [positional] : []), `--${kebab(key)}`, bad]);
      assert.equal(err.code, ERROR_CODES.INVALID_FIELD, err.message);
      assert.equal(err.field, key);
      assert.ok(err.message.startsWith(`${cli.command} --${kebab(key)}: `), err.message);
      assert.ok(err.message.includes(JSON.stringify(bad).slice(0, 20)), `the refusal quotes what was typed: ${err.message.slice(0, 120)}`);
      covered.push(`${cli.command} --${kebab(key)}`);
    }
  }
  for (const option of ['history --limit', 'history --incident-id', 'models history --limit', 'zones geojson --lang', 'zones kml --lang']) assert.ok(covered.includes(option), `${option} is checked`);
});

test('history --limit abc names the option and the text, not an internal error', async () => {
  const err = await refusal(['history', '--limit', 'abc']);
  assert.deepEqual([err.code, err.field, err.message], [ERROR_CODES.INVALID_FIELD, 'limit', 'history --limit: "abc" is not a number']);
  assert.equal((await refusal(['history', '--limit', '2.5'])).message, 'history --limit: "2.5" is not a whole number');
});

test('the whole-number options every command shares are refused by name, before an engine opens', async () => {
  for (const [argv, message] of [
    [['history', '--workers', 'abc'], '--workers "abc": not a whole number'],
    [['history', '--workers', '0'], '--workers 0: must be from 1 to 64'],
    [['serve', '--port', '80a'], '--port "80a": not a whole number'],
    [['serve', '--port', '70000'], '--port 70000: must be from 0 to 65535'],
  ] as const) {
    const err = await refusal([...argv]);
    assert.deepEqual([err.code, err.message], [ERROR_CODES.INVALID_FIELD, message]);
  }
});

test('__proto__ and constructor keys: the API and the CLI accept and refuse the same bodies, with the same code', async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-proto-')), workers: 1 }), { logger: createLogger('silent') });
  const app = buildServer(engine, { tokens: null, uiDir: null });
  try {
    const cases: Array<[string, 'refused' | 'accepted']> = [
      ['{"text":"house fire","__proto__":{"polluted":true}}', 'refused'],
      ['{"text":"house fire","facts":{"__proto__":{"deaths":1}}}', 'refused'],
      ['{"text":"house fire","\\u005f_proto__":{}}', 'refused'],
      ['{"text":"house fire","constructor":{"prototype":{"polluted":true}}}', 'refused'],
      ['{"text":"house fire","facts":{"constructor":{"prototype":{}}}}', 'refused'],
      ['{"text":"house fire","constructor":1}', 'accepted'],
      ['{"text":"house fire","facts":{"constructor":{"name":"x"}}}', 'accepted'],
    ];
    for (const [body, expected] of cases) {
      const api = await app.inject({ method: 'POST', url: '/v1/analyses', headers: { 'content-type': 'application/json' }, payload: body });
      let cli: SafeError | null = null;
      try { parseIncidentText(body); } catch (err) { cli = err as SafeError; }
      if (expected === 'accepted') {
        assert.equal(api.statusCode, 200, `API ${body}: ${api.body.slice(0, 160)}`);
        assert.equal(cli, null, `CLI ${body}`);
        continue;
      }
      assert.equal((api.json() as { code: string }).code, ERROR_CODES.INVALID_JSON, `API ${body}`);
      assert.equal(cli?.code, ERROR_CODES.INVALID_JSON, `CLI ${body}`);
      assert.match(cli?.message ?? '', /"(__proto__|constructor)" key/, 'the CLI names the key');
      assert.match((api.json() as { message: string }).message, /__proto__.*constructor/, 'the API names both keys it refuses');
    }
    // A handover file named on the command line is held to the same rule.
    const poisoned = join(dataDir, 'poisoned.json');
    writeFileSync(poisoned, '{"format":"safe-edge-incident","__proto__":{"polluted":true}}');
    const err = await refusal(['incident', 'import', poisoned]);
    assert.deepEqual([err.code, err.field], [ERROR_CODES.INVALID_JSON, '__proto__']);
  } finally {
    await app.close();
    await engine.close();
  }
});
