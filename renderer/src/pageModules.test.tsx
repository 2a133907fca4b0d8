// A page whose chunk is already in is drawn on its first render, without suspending (pageModules.ts): a
// Suspense fallback, once shown, holds the page back for React's 300 ms throttle (docs/performance.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from './i18n/i18n.js';
import { lazyPage, loadPage, pageOf } from './pageModules.js';
import type { EngineTransport } from './transport/engineTransport.js';

initI18n('en');
const transport = {} as EngineTransport; // the page's effects (its calls) do not run in a render to HTML

test('a lazy page suspends while its chunk is out, and renders at once when it is in', async () => {
  const Before = lazyPage('settings', (m) => m.SettingsPage);
  assert.equal(renderToStaticMarkup(<Suspense fallback="waiting for the chunk"><Before transport={transport} /></Suspense>), 'waiting for the chunk');
  await loadPage('settings');
  const After = lazyPage('settings', (m) => m.SettingsPage);
  const html = renderToStaticMarkup(<Suspense fallback="waiting for the chunk"><After transport={transport} /></Suspense>);
  assert.doesNotMatch(html, /waiting for the chunk/);
  assert.match(html, /<h1[^>]*>Settings/);
});

test('the form of a new incident is the edit page\'s chunk; other routes are their own', () => {
  assert.equal(pageOf('new'), 'edit');
  assert.equal(pageOf('analysis'), 'analysis');
  assert.equal(pageOf('briefing'), 'briefing');
});
