// Time anchoring (eventTime.ts, screening.ts): a report whose every event word is told in the past or as a period's
// totals, with nothing put now, is not an incident; the same words beside an event now are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenReport } from './screening.js';
import { assertLinearTime } from './testing/linearTime.js';
import { nowInClause, pastAnchorInClause, pointsBack } from './eventTime.js';

const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;

test('a past year or season dates an event from where it stands, not a thing built then, and not in a clause put now', () => {
  assert.deepEqual(pastAnchorInClause('去年冬季全县因一氧化碳中毒死亡5人'), { from: 0, governs: true });
  assert.deepEqual(pastAnchorInClause('各位村民：去年洪灾中房屋受损的农户'), { from: 0, governs: true }, 'after a salutation');
  assert.deepEqual(pastAnchorInClause('in march 2021 a tanker overturned on the bypass'), { from: 0, governs: true });
  assert.deepEqual(pastAnchorInClause('2020年3月某酒店发生坍塌'), { from: 0, governs: true });
  assert.deepEqual(pastAnchorInClause('全县去年因一氧化碳中毒死亡5人'), { from: 2, governs: false }, 'what follows the anchor');
  assert.deepEqual(pastAnchorInClause('a fire broke out in the same ward as last year\'s blaze'), { from: 37, governs: false });
  assert.deepEqual(pastAnchorInClause('same house that burned last year'), { from: 10, governs: false }, 'its relative clause');
  assert.deepEqual(pastAnchorInClause('a fire killed nine people at the club last year'), { from: 0, governs: false });
  assert.equal(pastAnchorInClause('2026年12月1日某酒店发生坍塌'), undefined, 'a day is a report\'s date');
  assert.equal(pastAnchorInClause('the footbridge built last year collapsed'), undefined);
  assert.equal(pastAnchorInClause('去年新建的堤防出现管涌'), undefined);
  assert.equal(pastAnchorInClause('the levee repaired last year is overtopping this morning'), undefined);
  // a verdict takes the day for itself
  assert.deepEqual(pastAnchorInClause('法院今天就前年的仓库火灾案宣判'), { from: 0, governs: true });
  assert.equal(nowInClause('目前仍有2人被困'), true);
  assert.equal(nowInClause('at 14:05 the tank ruptured'), true);
  assert.equal(pointsBack('该事故共造成3人死亡'), true);
  assert.equal(pointsBack('Of these, two were children'), false, 'read in lower case by the screen');
  assert.equal(pointsBack('of these, two were children'), true);
});

test('screening, twelfth round: tolls told in the past, as a period\'s totals, in a verdict or a payout are not incidents', () => {
  assert.equal(reason('去年冬季，全县因一氧化碳中毒死亡5人。今冬请大家注意通风。', true), 'notice');
  assert.equal(reason('保险公司表示，去年台风中受损的渔船理赔已全部完成，共赔付1200万元。'), 'notice');
  assert.equal(reason('A court today sentenced the owner of the nightclub where a fire killed 9 people last year.', true), 'notice');
  assert.equal(reason('法院今天对前年某化工厂爆炸案作出一审判决。该事故造成6人死亡、14人受伤。', true), 'notice', 'a sentence pointing back is told at its event\'s time');
  assert.equal(reason('今年第二季度全省共发生道路交通事故812起，死亡97人。其中货车肇事占比最高。', true), 'notice');
  assert.equal(reason('In the third quarter, crews attended 640 house fires, in which 5 people died.', true), 'notice');
  assert.equal(reason('2020年3月，某酒店发生坍塌。该事故共造成29人死亡。', true), 'notice');
  assert.equal(reason('In March 2021 a tanker overturned on the bypass and leaked diesel into the brook.'), 'notice');
  assert.equal(reason('Residents are reminded that last winter, frozen pipes burst in 300 homes. Lag your pipes now.'), 'notice', 'a bare "now" of advice puts nothing now');
  assert.equal(reason('The jury found the company guilty of breaches that led to the explosion which killed three workers in May 2022.', true), 'notice');
  assert.equal(reason('The owner of the warehouse where a fire killed two firefighters in 2022 was fined £400,000 today.', true), 'notice', 'the fine takes the day');
});

test('screening, twelfth round: an event now beside a past one is an incident', () => {
  assert.equal(reason('去年曾被淹的地下车库今晨再次进水，3辆车被困。'), undefined);
  assert.equal(reason('2019年曾发生爆炸的化工厂今天上午再次起火，现场浓烟滚滚。'), undefined);
  assert.equal(reason('Last year\'s fire gutted the east wing; this morning a fire broke out in the west wing, two staff hurt.', true), undefined);
  assert.equal(reason('Last year a fire destroyed the mill. A fire broke out in the new mill, crews on the way.'), undefined, 'the same word said again, outside the past');
  assert.equal(reason('该厂去年发生过泄漏。今天14时许储罐再次泄漏，2人中毒。', true), undefined);
  assert.equal(reason('Following last year\'s flood, the levee was raised; it is now overtopping at Mill Lane.'), undefined);
  assert.equal(reason('The footbridge built last year collapsed; two cars in the river.'), undefined);
  assert.equal(reason('去年7月建成的大桥垮塌，3辆车落水。', true), undefined);
  assert.equal(reason('Warehouse fire on Dock Road, same site burned last year.'), undefined);
  assert.equal(reason('Same house that burned last year, smoke showing from the roof, 2 occupants unaccounted for.'), undefined, 'the anchor dates its relative clause');
  assert.equal(reason('A fire broke out in the same ward as last year\'s blaze, patients being moved.'), undefined, 'a possessive dates what follows');
  assert.equal(reason('The crane that collapsed last month has collapsed again at the Pier 4 site, one worker trapped.', true), undefined, 'again is now');
  assert.equal(reason('前年塌方的路段再次塌方，一辆车被埋。', true), undefined);
  assert.equal(reason('A jury is being sworn in for last year\'s tunnel collapse trial; meanwhile a trench collapsed at 10:40 on Elm Street, one worker buried.', true), undefined);
  assert.equal(reason('Jury members evacuated as smoke fills the courthouse basement.'), undefined, 'a verdict\'s word alone dates nothing');
  assert.equal(reason('紧急：化工厂储罐泄漏，该厂去年曾因违规储存被处罚。'), undefined, 'the old fine dates its own clause');
});

test('screening stays linear on long texts with past seasons, verdicts, quarters and back-references', () => {
  assertLinearTime('twelfth round, time', (n) => '去年火灾，法院今日宣判，该事故死亡3人。其中，last year a fire, in March 2021, the inquest today, 今年第三季度，目前，'.repeat(n), (text) => screenReport(text, false));
});

test('thirteenth round: a period\'s totals however the period is written, an inquest or a review, are past; an event this month is not', () => {
  assert.equal(reason('区安监局通报：1-10月全区共发生工亡事故7起，死亡8人，同比下降2起。', true), 'notice');
  assert.equal(reason('From January to October the county recorded 212 structure fires and 9 deaths, down on last year.', true), 'notice');
  assert.equal(reason('The inquest heard that the climber fell 30 metres in June and died at the scene; the coroner recorded accidental death.', true), 'notice');
  assert.equal(reason('Post-incident review: the warehouse blaze in March. The fire injured 4 workers. Key findings: sprinklers were isolated.', true), 'notice');
  assert.equal(reason('本月1至11日已接报火灾3起。今晨5时城东仓库起火，目前仍有2人被困。', true), undefined, 'an event this month, now');
  assert.equal(reason('A fire broke out this morning at the August Street depot; 2 workers are still trapped.', true), undefined, 'a month name in a place');
  assert.equal(reason('Key findings from the scene: the fire is still spreading and 2 firefighters are injured.', true), undefined, 'findings of now');
});

test('thirteenth round: a hypothetical (万一, 要是, "what if") is supposed, not told; a hazard told beside the question is a report', () => {
  assert.equal(reason('楼下饭店的煤气罐就堆在门口，要是爆炸了怎么办？应该找谁反映？'), 'notice');
  assert.equal(reason('Our landlord keeps petrol cans in the stairwell. What if a fire starts there? Who should I call?'), 'no_incident_evidence', 'the fire supposed, nothing told');
  assert.equal(reason('In case you missed it: a gas leak on Bridge St has closed the road, 2 people taken to hospital.', false), undefined, 'not a condition');
  assert.equal(reason('楼道里电动车已经着火了，浓烟很大，万一烧到楼上怎么办？', false), undefined, 'a fire now, and a worry');
});

test('thirteenth round: a watch of storms that may come is a forecast; a storm doing damage now under a watch is not', () => {
  assert.equal(reason('Tornado Watch in effect until 9 PM for Lincoln county. Conditions are favorable for storms capable of producing large hail, damaging winds and a tornado or two. Be ready to act if a warning is issued.'), 'notice');
  assert.equal(reason('Severe thunderstorm watch in effect, but a tornado has touched down in Garfield and 3 homes are damaged, people trapped in one.', true), undefined);
});
