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

test('screening, thirteenth round: an advert, a story or film, training material are notices even with their tolls; the same words beside an event now are not', () => {
  assert.equal(reason('【安心保】家财险限时特惠，台风、暴雨、火灾损失全赔，今天下单立减30元！', true), 'notice');
  assert.equal(reason('Cyber Monday: 30% off fire extinguishers and escape ladders, free shipping on orders over $40. House fires kill 7 people a day.', true), 'notice');
  assert.equal(reason('Fire at the Northgate mall during the Black Friday sale: smoke is still pouring from the food court, 3 injured, shoppers evacuated.', true), undefined, 'a fire at a sale');
  assert.equal(reason('新书《孤岛》第二部即将上市，小说讲述地震后被埋三天的少年自救的故事，观众称剧情催泪。', true), 'notice');
  assert.equal(reason('Prologue. The dam gave way at dawn and the valley filled with water; forty people were swept away.', true), 'notice');
  assert.equal(reason('The film tells of a crew trapped in a burning mine; it opens in cinemas on Friday.', false), 'notice');
  assert.equal(reason('Fire on the film set at Studio 3: the stage roof is still burning and two crew are trapped, starring role doubles evacuated.', true), undefined, 'a fire on a film set');
  assert.equal(reason('接警员考题第5题：报警人称某小区燃气泄漏，2人昏迷。请写出处置步骤（参考答案见附页）。', true), 'notice');
  assert.equal(reason('Dispatcher exam question 4: a tanker has overturned with 2 casualties trapped; list the resources you would dispatch. (8 marks)', true), 'notice');
  assert.equal(reason('Trainees at the fire academy were injured when the quiz room ceiling collapsed; 3 hurt, ambulances on scene.', true), undefined, 'trainees hurt');
  assert.equal(reason('Quiz night at the Red Lion: a kitchen fire is still burning and the bar staff are trapped upstairs, send crews.', true), undefined, 'a fire at a quiz night');
});

test('screening, thirteenth round: chat that laughs keeps its "send the fire brigade" in the joke; chat that says it is no joke does not', () => {
  assert.equal(reason('haha my car is a total wreck after the school run, 3 casualties (crisps), send an ambulance', true), 'chit_chat');
  assert.equal(reason('哈哈，宿舍简直是灾难现场，快派消防队来救救我的作业', false), 'chit_chat');
  assert.equal(reason('lol no joke, the garage is on fire, send the fire brigade', false), undefined);
  assert.equal(reason('lol guys there is actually a fire in the car park, 2 people hurt', true), undefined, 'laughter, then a fire said to be real');
});

test('screening, thirteenth round: an order or warning lifted is an all-clear whatever counts of earlier movements it gives; an event said to go on after it is not', () => {
  assert.equal(reason('The shelter-in-place order for the Eastside has been lifted. About 1,200 people who were moved to the school may go back.', true), 'all_clear');
  assert.equal(reason('Flood warning for the Severn at Bewdley was cancelled at noon; the 40 households evacuated overnight are returning.', true), 'all_clear');
  assert.equal(reason('县防指决定解除防汛Ⅳ级应急响应，此前转移的800余名群众可有序返回。', true), 'all_clear');
  assert.equal(reason('The evacuation order for Zone A has been lifted, but the fire is still burning in Zone B and 2 people are missing.', true), undefined);
  assert.equal(reason('The warning has been lifted. A landslide is still moving above the road and 3 cars are trapped right now.', true), undefined);
  assert.equal(reason('In order to free the driver, the car was lifted off him; he is still trapped by the legs.', true), undefined, 'not an order');
});

test('screening, thirteenth round: kinds of message stay linear', () => {
  assertLinearTime('thirteenth round, genres', (n) => 'lol 下单 特惠，chapter fire，quiz (10 marks)，order has been lifted，万一着火，'.repeat(n), (text) => screenReport(text, false));
});
