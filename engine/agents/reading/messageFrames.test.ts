// Kinds of message that empty their hazard words (messageFrames.ts, screening.ts): a rumour denied, chat that jokes,
// a titled recall, verdict or quarter's figures, a call for recruits. Each with the other side that stays an incident.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenReport } from './screening.js';
import { assertLinearTime } from './testing/linearTime.js';

const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;

test('screening, twelfth round: a rumour quoted and denied is an all-clear; an event in a clause of its own beside it is not', () => {
  assert.equal(reason('网传“化工园区发生爆炸，死亡10人”的消息不实，系旧视频，园区生产正常。', true), 'all_clear');
  assert.equal(reason('A post circulating online claims the dam has burst. This is false: the dam is intact.'), 'all_clear');
  assert.equal(reason('Rumours of a chlorine leak at the pool are untrue; the smell was from cleaning.'), 'all_clear');
  assert.equal(reason('网传3人死亡系谣言。今晨城东仓库起火，1人受伤，目前明火已扑灭。', true), undefined);
  assert.equal(reason('The rumour of deaths is false, but a fire is burning on the fourth floor and two people are trapped.', true), undefined);
});

test('screening, twelfth round: chat that laughs uses disaster words as hyperbole; chat that says it is no joke is a report', () => {
  assert.equal(reason('哈哈，今天加班加到要死了，晚上谁去吃火锅？'), 'chit_chat');
  assert.equal(reason('the canteen queue was a total disaster lol, I was stuck there for ages'), 'chit_chat');
  assert.equal(reason('lol not joking, the kitchen is on fire, call 119'), undefined);
  assert.equal(reason('哈哈哈 说真的，楼下冒烟了，好像着火了'), undefined);
});

test('screening, twelfth round: a message titled as a recall, a verdict or a quarter\'s figures is a notice even with its tolls; a tally of now is not', () => {
  assert.equal(reason('RECALL: Glowmate electric blankets, model GB-3. The wiring can overheat; 6 fires and 2 burns reported.', true), 'notice');
  assert.equal(reason('【法院判决】区法院就某烟花仓库爆炸案作出判决，该案造成3人死亡。', true), 'notice');
  assert.equal(reason('【火灾统计】1至10月全区接报火灾214起，死亡2人。', true), 'notice');
  assert.equal(reason('【伤亡统计】截至目前，垮塌事故已造成3人死亡、5人受伤，仍有2人被困。', true), undefined, 'a tally of now');
  assert.equal(reason('Recall: all crews to station 4, warehouse fire on Quay Road spreading.'), undefined, 'crews recalled to a fire');
});

test('screening, twelfth round: a call for recruits names its role\'s hazards; volunteers called to an event now are a report', () => {
  assert.equal(reason('We are recruiting retained firefighters! You will respond to fires, floods and road crashes. Apply online.'), 'notice');
  assert.equal(reason('Become a Community Rescue Volunteer: help neighbours during floods and landslides. Training every Saturday.'), 'notice');
  assert.equal(reason('We are recruiting volunteers right now: the river is overtopping at Mill Lane, bring shovels.'), undefined);
  assert.equal(reason('The grass fire has become a major blaze threatening homes on Ridge Road.'), undefined, '"become a" inside a sentence');
});

test('screening stays linear on long texts with rumours, laughter, titles and recruits', () => {
  assertLinearTime('twelfth round, kinds of message', (n) => '网传“爆炸”系谣言，haha total disaster，recruiting，RECALL: consumers，fire，'.repeat(n), (text) => screenReport(text, false));
});
