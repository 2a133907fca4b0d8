#!/usr/bin/env node
// The engine is compiled by `npm run build`; this shim keeps the bin path stable.
import('../dist/engine/cli/main.js').then(({ runCli }) => runCli(), (err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('SAFE_E_NOT_BUILT: the engine is not compiled yet; run `npm run build` first.');
    process.exit(2);
  }
  throw err;
});
