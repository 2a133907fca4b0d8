// The ICS-201 briefing rendered under Node: the form's ten boxes in order in both languages, blanks where
// the analysis knows nothing, and the running header and footer's @page rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { Ics201Briefing } from './Ics201Briefing.js';
import { cssString, defaultIncidentName, pageBoxesCss } from '../logic/briefingFields.js';
import { parseRoute, routeHash } from '../logic/routes.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';

initI18n('zh');

const partial = { id: 'cl2-yueyang-zh', status: 'partial', models: {}, timingsMs: {}, analysedAt: '2024-03-12T14:41:00.000Z' } as AnalysisResult;
const briefing = (preparedBy: string) => renderToStaticMarkup(
  <Ics201Briefing result={partial} incident={{ reportedAt: '2024-03-12T22:40:00+08:00', location: { lat: 29.37, lon: 113.09 } }} seq={2}
    incidentName="京港澳高速岳阳段液氯泄漏" preparedBy={preparedBy} preparedAt={new Date('2024-03-12T15:00:00Z')} />);
const titles = (html: string) => [...html.matchAll(/<h2 id="ics-(\d+)"><span class="ics-number">\d+\.<\/span> ([^<]+)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`);

test('ICS-201: the ten boxes in the form\'s order, in Chinese then English', async () => {
  const zh = briefing('');
  assert.deepEqual(titles(zh), ['1 事件名称', '2 事件编号', '3 编制日期和时间', '4 地图 / 草图', '5 态势概要与健康安全简报', '6 编制人', '7 当前及计划目标',
    '8 当前及计划行动（任务与时限）', '9 当前组织', '10 资源汇总']);
  assert.match(zh, /京港澳高速岳阳段液氯泄漏/);
  assert.match(zh, /cl2-yueyang-zh · 第 2 次分析/);
  assert.match(zh, /事发位置：29\.37°N 113\.09°E/);
  assert.match(zh, /本次分析部分完成：以下内容不完整/, 'an incomplete analysis says so on paper');
  assert.match(zh, /data-testid="ics-section-6"[^>]*><h2[^]*?<p class="ics-blank"><span class="visually-hidden">待填写/, 'nobody named: a line to write on');
  assert.equal((zh.match(/class="ics-blank-cell"/g) ?? []).length, 8, 'every ICS position is left to fill by hand');
  await i18next.changeLanguage('en');
  const en = briefing('Li Wei, duty officer');
  assert.deepEqual(titles(en).map((title) => title.replace(/^\d+ /, '')), ['Incident name', 'Incident number', 'Date and time prepared', 'Map / sketch',
    'Situation summary and health and safety briefing', 'Prepared by', 'Current and planned objectives', 'Current and planned actions (tasks and deadlines)',
    'Current organisation', 'Resource summary']);
  assert.match(en, /Li Wei, duty officer/);
  await i18next.changeLanguage('zh');
});

test('page header and footer: margin boxes with the page counters, the commander\'s text escaped', () => {
  const css = pageBoxesCss({ topLeft: 'ICS-201 · "Cl₂" leak\\K15', topRight: '编制于 2024/3/12', bottomLeft: 'cl2 · run 2', pageNumberTemplate: '第 {{page}} 页，共 {{pages}} 页' });
  assert.match(css, /@top-left \{ content: "ICS-201 · \\"Cl₂\\" leak\\\\K15";/);
  assert.match(css, /@bottom-right \{ content: "第 " counter\(page\) " 页，共 " counter\(pages\) " 页";/);
  assert.equal(cssString('a\nb'), '"a b"');
});

test('the default incident name is the report\'s first clause without its clock time, at most 30 characters', () => {
  assert.equal(defaultIncidentName('积石山县发生6.2级地震，震源深度10公里'), '积石山县发生6.2级地震');
  assert.equal(defaultIncidentName('22:35 京港澳高速岳阳段K1532处一辆液氯槽罐车与货车追尾后罐体阀门断裂泄漏，现场'), '京港澳高速岳阳段K1532处一辆液氯槽罐车与货车追尾后罐体…');
  assert.equal(defaultIncidentName('Grass fire spreading fast on the hillside above Pinecrest, wind-driven'), 'Grass fire spreading fast on…');
  assert.deepEqual(parseRoute(routeHash({ page: 'briefing', id: 'run/1' })), { page: 'briefing', id: 'run/1' });
  assert.deepEqual(parseRoute('#/analysis/abc'), { page: 'analysis', id: 'abc' });
});
