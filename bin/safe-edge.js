#!/usr/bin/env node
// The engine is compiled by `npm run build`; this shim keeps the bin path stable. IT's channel verbs
// (`channel …`, `update-server`) are a separate app (update-server/): the engine never loads them.
// `analyze` loads a program with that command alone (engine/cli/analyzeMain.ts): a cold start does not wait
// for the server's and the other commands' code (docs/performance.md, cold start).
const itVerbs = new Set(['channel', 'update-server']);
const [entry, run] = itVerbs.has(process.argv[2]) ? ['../dist/update-server/cli.js', 'runChannelCli']
  : process.argv[2] === 'analyze' ? ['../dist/engine/cli/analyzeMain.js', 'runAnalyzeCli'] : ['../dist/engine/cli/main.js', 'runCli'];
import(entry).then((module) => module[run](), (err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('SAFE_E_NOT_BUILT: the engine is not compiled yet; run `npm run build` first.');
    process.exit(2);
  }
  throw err;
});
