// The live region's announcer under Node: every message reaches the mounted regions, a repeated message is
// a new announcement (so it is read again), blank ones are dropped, and the region is polite and empty at first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import { createAnnouncer, LiveRegion, type Announcement } from './LiveRegion.js';

test('announcements reach subscribers, repeats are new announcements, blanks are dropped', () => {
  const announcer = createAnnouncer();
  const heard: Announcement[] = [];
  const stop = announcer.subscribe((a) => heard.push(a));
  announcer.announce('分析完成');
  announcer.announce('分析完成');
  announcer.announce('  ');
  stop();
  announcer.announce('after unsubscribing');
  assert.deepEqual(heard.map((a) => a.message), ['分析完成', '分析完成']);
  assert.notEqual(heard[0]?.seq, heard[1]?.seq, 'the same words twice are two announcements');
});

test('the region is a polite status region, empty until something is announced', () => {
  const html = renderToStaticMarkup(<LiveRegion />);
  assert.match(html, /role="status"/);
  assert.match(html, /aria-live="polite"/);
  assert.match(html, /aria-atomic="true"/);
  assert.match(html, /<div[^>]*><\/div>/, 'nothing inside yet');
});
