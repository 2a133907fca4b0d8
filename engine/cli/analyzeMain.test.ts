// bin/safe-edge.js runs `analyze` with the analyse-only program (analyzeMain.ts). It must be the full CLI's
// `analyze` (same flags, same version, same refusals) and must not load the other commands' code (the server, TLS, the support bundle), which
// is what makes it start sooner (docs/performance.md, cold start).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SafeError, ERROR_CODES } from '../contract/errors.js';
import { buildAnalyzeCli } from './analyzeMain.js';
import { buildCli } from './main.js';

const ENGINE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The compiled modules `entry` imports statically, followed through relative imports; packages by name. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const name = relative(ENGINE_DIR, file);
    if (seen.has(name)) return;
    seen.add(name);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gms)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else seen.add(`package:${spec}`);
    }
  };
  visit(join(ENGINE_DIR, entry));
  return seen;
}

const flags = (program: ReturnType<typeof buildCli>) => {
  const analyze = program.commands.find((c) => c.name() === 'analyze');
  assert.ok(analyze, 'the program has analyze');
  return analyze.options.map((o) => [o.flags, o.description, o.defaultValue, o.argChoices]);
};

test('the analyse-only program is the full CLI\'s analyze: same name, version, flags and defaults', () => {
  const alone = buildAnalyzeCli();
  const full = buildCli();
  assert.deepEqual([alone.name(), alone.version()], [full.name(), full.version()]);
  assert.deepEqual(alone.commands.map((c) => c.name()), ['analyze']);
  assert.deepEqual(flags(alone), flags(full));
});

test('the analyse-only program refuses a bad option as the full CLI does', async () => {
  const refusal = async (program: ReturnType<typeof buildCli>) => {
    try {
      await program.parseAsync(['node', 'safe-edge', 'analyze', '-', '--workers', '0']);
    } catch (err) {
      assert.ok(err instanceof SafeError);
      return [err.code, err.message];
    }
    return assert.fail('accepted --workers 0');
  };
  assert.deepEqual(await refusal(buildAnalyzeCli()), [ERROR_CODES.INVALID_FIELD, '--workers 0: must be from 1 to 64']);
  assert.deepEqual(await refusal(buildAnalyzeCli()), await refusal(buildCli()));
});

test('the analyse-only program loads neither the HTTP server, nor TLS certificates, nor the support bundle or alert export', () => {
  const loaded = staticImports('cli/analyzeMain.js');
  assert.ok(loaded.has('bootstrap.js'), 'it starts the engine');
  for (const name of ['cli/main.js', 'server/app.js', 'server/tlsCertificate.js', 'cli/supportBundle.js', 'monitoring/alerts/prometheus.js', 'package:fastify', 'package:selfsigned']) {
    assert.ok(!loaded.has(name), `analyzeMain.js loads ${name}`);
  }
  // The walk sees what the full program loads (so the test above could fail).
  const full = staticImports('cli/main.js');
  for (const name of ['server/app.js', 'package:fastify', 'package:selfsigned']) assert.ok(full.has(name), `main.js loads ${name}`);
});
