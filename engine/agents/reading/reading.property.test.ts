// Property tests (fast-check, fixed seed, bounded runs) over the reading step: whatever text arrives,
// made of the pieces reports are made of or of arbitrary Unicode, reading it never throws, every figure is
// a finite non-negative count, every span lies inside the text, and the reading satisfies its schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../contract/parseIncident.js';
import { reportReadingSchema } from '../../contract/reading.js';
import { readReport } from './index.js';
import { assertLinearTime } from './testing/linearTime.js';

const PIECES = ['3', '十二', '两千余', '4.6万', '1.8亿元', '1,500', 'Forty-two', 'a dozen', 'dozens', 'over', '余', '+', '人', '名', '死亡', '受伤', '重伤', '被困', '失联',
  'dead', 'injured', 'killed', 'trapped', 'stranded', 'missing', 'evacuated', '转移', '疏散', '损失', '万元', 'yuan', 'million', '初报', 'earlier', '核实为', 'rose to',
  '无人员伤亡', 'no casualties', 'M6.8', '6.8级地震', '震源深度10千米', 'depth 10 km', '东北风3级', 'NE wind 5 m/s', '20 km/h', 'chlorine', '液氨', 'UN1017', '2 kg/s',
  '每秒0.5公斤', '决口宽约', '水位差', '垸区面积', '平方公里', '米', '吨', '液氯', '泄漏持续', '分钟', '半小时', '草地', '灌木', '起火', '坡度', '度', '%', '燃烧', '小时',
  'breach', ' m wide', 'polder', 'km²', ' tonnes of ammonia', 'leaked for', ' minutes', 'grass fire', 'burning for', '% slope', '23:40', '凌晨', 'at night', '演练', 'drill', '测试', 'all clear', '未发现', 'no', 'not', '，', '。', ',', '.', ';', ' ', '\n', '（', '）', '１２３', '\u200d', '😀'];

const reportText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
).filter((text) => text.trim().length > 0);

test('reading any text: no throw, finite counts, spans inside the text, a schema-valid reading', () => {
  fc.assert(fc.property(reportText, (text) => {
    const incident = parseIncident({ text });
    const reading = readReport(incident);
    assert.ok(reportReadingSchema.safeParse(reading).success);
    const inside = (span: readonly [number, number]) => span[0] >= 0 && span[0] < span[1] && span[1] <= incident.text.length;
    for (const figure of Object.values(reading.figures)) {
      assert.ok(Number.isFinite(figure.value) && figure.value >= 0, `figure ${figure.value}`);
      if (figure.span) assert.ok(inside(figure.span), `figure span ${figure.span}`);
    }
    for (const fact of reading.facts) {
      assert.ok(inside(fact.span), `fact span ${fact.span}`);
      if (typeof fact.value === 'number') assert.ok(Number.isFinite(fact.value), `fact ${fact.fact} ${fact.value}`);
    }
    if (reading.drill) assert.ok(inside(reading.drill.span));
  }), { seed: 20261130, numRuns: 400 });
});

test('screening any text: no throw, fast on long adversarial text; an incident wrapped in neutral sentences stays one', async () => {
  const { screenReport } = await import('./screening.js');
  const NEUTRAL = ['今天天气晴。', 'Thanks, received. ', '下午三点有车辆保养。', 'Shift change at 18:00. ', '收到。', 'Copy that. '];
  const INCIDENTS = ['化工厂液氯储罐泄漏，2名工人头晕。', 'Warehouse on fire, flames through the roof. ', '山体滑坡掩埋道路，两辆车被困。', 'Roof collapsed at the gym, people inside. '];
  fc.assert(fc.property(reportText, (text) => { screenReport(text, false); screenReport(text, false, true); }), { seed: 20261201, numRuns: 300 });
  fc.assert(fc.property(fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 4 }), fc.constantFrom(...INCIDENTS), fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 4 }),
    (before, incident, after) => assert.equal(screenReport(before.join('') + incident + after.join(''), false), undefined)), { seed: 20261202, numRuns: 300 });
  for (const unit of ['fire no ', '未发现明火，', 'aaaa', '通知会议 ', 'all clear but ', '演练']) {
    assertLinearTime(unit, (n) => unit.repeat(n), (text) => screenReport(text, false), Math.ceil(2_250 / unit.length));
  }
});
