// The date picker's calendar without React: a month's six weeks from Monday, the keys' moves across
// month and year ends, and months of different lengths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WEEK_STARTS, addMonths, monthGrid, moveByKey, today } from './calendar.js';
import { calendarDay } from './dateEntry.js';

test('a month as six weeks from Monday in zh: November 2026 starts on a Sunday, so its 1st is the first row\'s last cell', () => {
  assert.equal(WEEK_STARTS.zh, 1, 'the week starts on Monday in Chinese');
  const grid = monthGrid('2026-11-15', WEEK_STARTS.zh);
  assert.equal(grid.length, 6);
  assert.ok(grid.every((week) => week.length === 7));
  assert.deepEqual(grid[0], [null, null, null, null, null, null, '2026-11-01']);
  assert.deepEqual(grid[1]?.slice(0, 2), ['2026-11-02', '2026-11-03'], 'Monday the 2nd opens the second row');
  assert.equal(grid.flat().filter(Boolean).length, 30);
  assert.equal(grid[5]?.[0], '2026-11-30');
  // With Sunday first the same month's 1st would open the first row.
  assert.equal(monthGrid('2026-11-15', 0)[0]?.[0], '2026-11-01');
  assert.equal(monthGrid('2024-02-10', 1).flat().filter(Boolean).length, 29, 'leap February');
});

test('keys: arrows by a day and a week across month and year ends, Home/End to the week\'s ends, PageUp/PageDown a month (Shift a year)', () => {
  const move = (day: string, key: string, shift = false) => moveByKey(day, key, shift, 1);
  assert.equal(move('2026-12-31', 'ArrowRight'), '2027-01-01');
  assert.equal(move('2026-03-01', 'ArrowLeft'), '2026-02-28');
  assert.equal(move('2026-11-30', 'ArrowDown'), '2026-12-07');
  assert.equal(move('2026-01-03', 'ArrowUp'), '2025-12-27');
  assert.equal(move('2026-11-26', 'Home'), '2026-11-23', 'Thursday → Monday');
  assert.equal(move('2026-11-26', 'End'), '2026-11-29', 'Thursday → Sunday');
  assert.equal(move('2026-11-23', 'Home'), '2026-11-23');
  assert.equal(move('2026-01-31', 'PageDown'), '2026-02-28', 'the month\'s last day when the day does not exist');
  assert.equal(move('2024-03-31', 'PageUp'), '2024-02-29');
  assert.equal(move('2024-02-29', 'PageDown', true), '2025-02-28', 'Shift+PageDown: a year');
  assert.equal(move('2026-11-30', 'Enter'), null, 'not a move');
  assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
  assert.equal(addMonths('0050-06-15', -1), '0050-05-15', 'years below 100 are not 19xx');
});

test('what the calendar opens on: the field\'s date part, else nothing; today on the device\'s calendar', () => {
  assert.equal(calendarDay('2026-11-30T22:40'), '2026-11-30');
  assert.equal(calendarDay('2026-11-30'), '2026-11-30');
  assert.equal(calendarDay(''), null);
  assert.equal(today(new Date(2026, 10, 30, 23, 59)), '2026-11-30');
});
