#!/usr/bin/env node
// `npm start`: opens the desktop app when the Electron binary is present; otherwise says why the window
// cannot open and runs the same UI in browser mode (the engine's own server), so the product still runs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The Electron binary if it is really on disk. Not `require('electron')`: that starts a download. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(distDir, relativePath);
  return existsSync(binary) ? binary : null;
}

/** Stopping `npm start` stops what it started (the engine closes its database cleanly). */
function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const binary = electronBinary();
// The engine's configuration decides (SAFE_EDGE_BROWSER_MODE); `npm start` has just built it.
const { resolveConfig } = await import(pathToFileURL(join(root, 'dist', 'engine', 'config.js')).href);
if (binary && !resolveConfig().browserMode) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error([
    '',
    'SAFE Edge: the desktop window cannot open here — the Electron binary is not installed',
    '(it is downloaded on first use, and this machine has no internet access).',
    'Starting browser mode instead: the same UI, served by the engine on 127.0.0.1.',
    'Open the address printed below in Chromium/Chrome/Edge/Firefox. Ctrl+C stops it.',
    '',
  ].join('\n'));
  const child = spawn(process.execPath, [join(root, 'bin', 'safe-edge.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}
