// The figures grammar (docs/input.md, "Figures in the text"): one test per rule, in Chinese and English.
// The sentences here are written for the rules; none is taken from the evaluation sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresFromText } from './figures.js';

/** The figures as name → "value" or "value+" (a lower bound). */
const read = (text: string) => Object.fromEntries(Object.entries(figuresFromText(text)).map(([name, f]) => [name, `${f.value}${f.lowerBound ? '+' : ''}`]));

test('number and figure word next to each other, either order, fillers between', () => {
  assert.deepEqual(read('爆燃致4人死亡，受伤7人。'), { deaths: '4', injuries: '7' });
  assert.deepEqual(read('造成2死6伤'), { deaths: '2', injuries: '6' });
  assert.deepEqual(read('The collapse killed 3 workers and injured 8 others.'), { deaths: '3', injuries: '8' });
  assert.deepEqual(read('4 confirmed dead, 12 hurt'), { deaths: '4', injuries: '12' });
});

test('a head count of people binds to its verb later in the clause, past cause and manner phrases and measures', () => {
  assert.deepEqual(read('有15人因吸入烟雾受伤。'), { injuries: '15' });
  assert.deepEqual(read('一名62岁男子在清理现场时被埋。'), { trapped: '1' });
  assert.deepEqual(read('Four crew members sustained burns.'), { injuries: '4' });
  assert.deepEqual(read('An elderly woman was killed.'), { deaths: '1' });
  assert.deepEqual(read('2 residents, aged 70 and 74, died.'), { deaths: '2' }, 'an apposition of ages between count and verb');
  assert.deepEqual(read('9 were hurt in the blast.'), { injuries: '9' }, 'a bare number as the subject');
});

test('the verb may precede the people named before the count', () => {
  assert.deepEqual(read('已疏散周边村民约600人。'), { evacuated: '600' });
});

test('measures and times are never counts', () => {
  assert.deepEqual(read('05:30 a fire in a 12-storey block; 3 hurt'), { injuries: '3' });
  assert.deepEqual(read('30吨槽罐车侧翻，2人受伤'), { injuries: '2' });
});

test('ranges give the upper end', () => {
  assert.deepEqual(read('约6到8人被困。'), { trapped: '8' });
  assert.deepEqual(read('二到三人失踪'), { missing: '3' });
  assert.deepEqual(read('between 10 and 12 people are missing'), { missing: '12' });
  assert.deepEqual(read('4-6 people trapped'), { trapped: '6' });
});

test('vague multiples and lower bounds', () => {
  assert.deepEqual(read('数十人受伤'), { injuries: '20+' });
  assert.deepEqual(read('上百名群众转移'), { evacuated: '100+' });
  assert.deepEqual(read('十几人受伤'), { injuries: '10+' });
  assert.deepEqual(read('Hundreds of people were evacuated; 30-odd injured'), { evacuated: '200+', injuries: '30+' });
  assert.deepEqual(read('losses over CNY 5 million'), { directLossCny: '5000000+' });
});

test('combined dead-and-injured counts are read but not split', () => {
  assert.deepEqual(read('事故造成伤亡12人'), {});
  assert.deepEqual(read('死伤6人，其中死亡2人'), { deaths: '2' });
});

test('additional counts add; subsets do not', () => {
  assert.deepEqual(read('3名消防员受伤，另有5名居民受伤。'), { injuries: '8' });
  assert.deepEqual(read('500 people evacuated overnight and another 120 this morning'), { evacuated: '620' });
  assert.deepEqual(read('10 injured, including 4 children'), { injuries: '10' });
  assert.deepEqual(read('12人受伤，其中3名儿童'), { injuries: '12' });
  assert.deepEqual(read('Three miners and a rescuer were hurt.'), { injuries: '4' }, 'counts joined by and before one verb');
  assert.deepEqual(read('Two hikers died and a third is missing.'), { deaths: '2', missing: '1' });
});

test('serious injuries: a subset of the injured; serious and minor given apart add up', () => {
  assert.deepEqual(read('20人受伤，伤者中5人伤势严重'), { injuries: '20', seriousInjuries: '5' });
  assert.deepEqual(read('重伤3人，轻伤9人'), { seriousInjuries: '3', injuries: '12' });
  assert.deepEqual(read('2 seriously injured and 6 with minor injuries'), { seriousInjuries: '2', injuries: '8' });
  assert.deepEqual(read('14人受伤，其中重伤2人、轻伤12人'), { injuries: '14', seriousInjuries: '2' }, 'a total stays the total');
});

test('a noun for the people gives way to the verb after it', () => {
  assert.deepEqual(read('5人受伤。1名伤员经抢救无效死亡'), { injuries: '5', deaths: '1' });
});

test('stranded, not trapped, where people wait unhurt', () => {
  assert.deepEqual(read('40余名村民被困在屋顶'), { stranded: '40+' });
  assert.deepEqual(read('12 people trapped on rooftops by floodwater'), { stranded: '12' });
  assert.deepEqual(read('3人被困在倒塌的厂房内'), { trapped: '3' });
});

test('updates, corrections and rescued people', () => {
  assert.deepEqual(read('死亡人数由5人上升为7人'), { deaths: '7' });
  assert.deepEqual(read('Toll rises to 12; 40 hurt'), { deaths: '12', injuries: '40' });
  assert.deepEqual(read('A further 2 deaths overnight, bringing the total to 9.'), { deaths: '9' });
  assert.deepEqual(read('injured: 15, not 51'), { injuries: '15' });
  assert.deepEqual(read('已救出被困群众8人，仍有3人被困'), { trapped: '3' });
  assert.deepEqual(read('7 dead, up from 5'), { deaths: '7' });
});

test('explicit zeros', () => {
  assert.deepEqual(read('暂无伤亡'), { deaths: '0', injuries: '0' });
  assert.deepEqual(read('12 hikers stranded; none are injured'), { stranded: '12', injuries: '0' });
});

test('traditional characters and numerals', () => {
  assert.deepEqual(read('已撤離居民兩萬餘人，三人罹難'), { evacuated: '20000+', deaths: '3' });
});

test('reading stays linear: a long run of counts without punctuation', () => {
  const text = '3人受伤另有2人受伤'.repeat(3000);
  const t0 = performance.now();
  figuresFromText(text);
  assert.ok(performance.now() - t0 < 1000);
});
