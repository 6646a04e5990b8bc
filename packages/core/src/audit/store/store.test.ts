import { describe, expect, it } from 'vitest';
import { Assignments, NO_DAY } from './assignments';
import { Columns } from './columns';
import { NOWHERE, Places } from './places';
import { Subjects } from './subjects';

describe('Columns', () => {
  it('keeps every row past a chunk boundary, fresh rows reading 0', () => {
    const columns = new Columns(3);
    for (let row = 0; row < 10_000; row++) columns.set(columns.add(), 1, row * 7);
    expect(columns.size).toBe(10_000);
    expect([
      columns.get(0, 1),
      columns.get(4095, 1),
      columns.get(4096, 1),
      columns.get(9999, 1),
      columns.get(9999, 2),
    ]).toEqual([0, 4095 * 7, 4096 * 7, 9999 * 7, 0]);
    columns.increment(4096, 0);
    expect(columns.get(4096, 0)).toBe(1);
  });

  it('keeps small values and widens, keeping every row, when one does not fit in 16 bits', () => {
    const columns = new Columns(2);
    for (let row = 0; row < 3000; row++) columns.set(columns.add(), 0, row - 1500);
    columns.set(5, 1, 32_767);
    columns.increment(5, 1);
    columns.set(2999, 1, -40_000);
    columns.set(columns.add(), 1, 8_940_506);
    expect([
      columns.get(0, 0),
      columns.get(2999, 0),
      columns.get(5, 1),
      columns.get(2999, 1),
      columns.get(3000, 1),
      columns.get(3000, 0),
    ]).toEqual([-1500, 1499, 32_768, -40_000, 8_940_506, 0]);
  });
});

describe('Places', () => {
  it('gives back the positions it was given, whatever their shape', () => {
    const places = new Places();
    const positions = [
      { file: 'a.ndjson', line: 3, column: 1, record: 3 },
      { line: 9, column: 1 },
      { file: 'b.csv', line: 4, column: 2, record: 3 },
      { file: 'a.ndjson', line: 8, column: 1, record: 8 },
    ];
    for (const position of positions)
      expect(places.position(position.line, places.frameOf(position))).toStrictEqual(position);
    expect(places.frameOf(undefined)).toBe(NOWHERE);
    expect(places.position(0, NOWHERE)).toBeUndefined();
  });

  it('orders places by file, then line; any place comes after none', () => {
    const places = new Places();
    const [a, b] = [
      places.frameOf({ file: 'a', line: 1, column: 1 }),
      places.frameOf({ file: 'b', line: 1, column: 1 }),
    ];
    expect(places.after(1, b, 900, a)).toBe(true);
    expect(places.after(900, a, 1, b)).toBe(false);
    expect(places.after(5, a, 4, a)).toBe(true);
    expect(places.after(4, a, 4, a)).toBe(false);
    expect(places.after(1, a, 0, NOWHERE)).toBe(true);
    expect(places.after(0, NOWHERE, 1, a)).toBe(false);
  });
});

describe('Subjects', () => {
  it('keeps ids that extend the student id as a shared suffix and others whole, and orders them as text', () => {
    const subjects = new Subjects();
    const [c7, other, course] = [
      subjects.of('S01-000005', 'S01-000005-C7'),
      subjects.of('S01-000005', 'X-9'),
      subjects.ofCourse('物理'),
    ];
    expect(subjects.of('S01-000006', 'S01-000006-C7')).toBe(c7);
    expect([
      subjects.text('S01-000005', c7),
      subjects.text('S01-000005', other),
      subjects.text('S01-000005', course),
    ]).toEqual(['S01-000005-C7', 'X-9', 'S01-000005:物理']);
    expect(subjects.compare('S01-000005', c7, other)).toBe(-1);
    expect(subjects.compare('S01-000005', c7, subjects.of('S01-000005', 'S01-000005-C10'))).toBe(1);
    expect(subjects.compare('S01-000005', c7, c7)).toBe(0);
  });
});

describe('Assignments', () => {
  // Teacher 1 first; reassigned to 2 on day 10; to 3 and 4 on day 20.
  const assignments = new Assignments(
    [1],
    [
      { day: 20, to: 4 },
      { day: 10, to: 2 },
      { day: 20, to: 3 },
    ],
  );

  it('names the record’s teacher before the first reassignment, and from its day the teacher it names', () => {
    expect(assignments.on(9)).toEqual([1]);
    expect(assignments.on(11)).toEqual([2]);
    expect(assignments.on(19)).toEqual([2]);
  });

  it('on a reassignment’s day, the teacher before it and after it; after two on one day, either', () => {
    expect(assignments.on(10)).toEqual([1, 2]);
    expect([...assignments.on(20)].sort()).toEqual([2, 3, 4]);
    expect([...assignments.on(21)].sort()).toEqual([3, 4]);
  });

  it('without a day, every teacher the item ever had', () => {
    expect([...assignments.on(NO_DAY)].sort()).toEqual([1, 2, 3, 4]);
  });
});
