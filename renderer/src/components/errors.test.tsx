// The error notice and the panel boundary rendered under Node: localized text, retry only where it helps,
// the code kept for IT support.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { EngineError } from '../transport/engineTransport.js';
import { ErrorNotice } from './ErrorNotice.js';
import { PanelBoundary, PanelGrid } from './PanelBoundary.js';
import { NotSavedBanner } from './NotSavedBanner.js';

initI18n('zh');

test('an outage reads as unreachable with a retry, in Chinese, without "Failed to fetch" in the message', async () => {
  const html = renderToStaticMarkup(<ErrorNotice error={new EngineError({ code: 'SAFE_UI_ENGINE_UNREACHABLE', message: 'Failed to fetch' })} onRetry={() => {}} />);
  assert.match(html, /data-code="SAFE_UI_ENGINE_UNREACHABLE"/);
  assert.match(html, /<strong>连不上分析引擎。<\/strong>/);
  assert.match(html, />重试<\/button>/);
  const visibleText = (html.split('<details')[0] ?? '').replace(/<[^>]+>/g, '');
  assert.doesNotMatch(visibleText, /Failed to fetch|TypeError|SAFE_/, 'raw text only in the technical details');
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<ErrorNotice error={new EngineError({ code: 'SAFE_E_UNAUTHORIZED', message: 'bad token' })} onRetry={() => {}} />);
  assert.match(en, /Access token invalid or expired\.<\/strong> Open the address printed by safe-edge serve/);
  assert.doesNotMatch(en, /<button/, 'retrying with the same refused token cannot help');
  await i18next.changeLanguage('zh');
});

test('a panel that threw shows "this panel failed: reason" with a retry; healthy panels each get a boundary', () => {
  const boundary = new PanelBoundary({ children: null, name: 'map' });
  boundary.state = PanelBoundary.getDerivedStateFromError(new Error('zone without geometry'));
  const html = renderToStaticMarkup(<>{boundary.render()}</>);
  assert.match(html, /data-panel="map"/);
  assert.match(html, /此面板出错：zone without geometry/);
  assert.match(html, />重试<\/button>/);
  const grid = renderToStaticMarkup(<PanelGrid className="workspace-grid"><section>a</section>{false}<section>b</section></PanelGrid>);
  assert.equal(grid, '<div class="workspace-grid"><section>a</section><section>b</section></div>');
});

test('an answer that was not saved: an alert saying so and what to do, with an export, in Chinese and English; none when saved', async () => {
  const result = { id: 'full', status: 'ok' as const, models: {}, timingsMs: {}, saveError: { code: 'SAFE_E_SAVE_FAILED' as const, message: 'the analysis was not saved: the disk holding the data directory is full' } };
  const zh = renderToStaticMarkup(<NotSavedBanner result={result} />);
  assert.match(zh, /role="alert"/);
  assert.match(zh, /data-code="SAFE_E_SAVE_FAILED"/);
  assert.match(zh, /<strong>此分析没有保存，不在历史记录里。<\/strong>/);
  assert.match(zh, /立即导出结果.*释放数据目录所在磁盘的空间/);
  assert.match(zh, /data-testid="not-saved-export"/);
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<NotSavedBanner result={result} />);
  assert.match(en, /This analysis was not saved: it is not in the history\./);
  assert.match(en, /export it now, and free disk space/);
  await i18next.changeLanguage('zh');
  const { saveError: _saved, ...savedResult } = result;
  assert.equal(renderToStaticMarkup(<NotSavedBanner result={{ ...savedResult, runId: 'r1' }} />), '');
});
