import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDate } from '../_lib/date';
import { DATASET_DAYS, HIDDEN_IN_ID, isDatasetDay, isIsoDay, isVisibleId, isWithinDays } from './fields';
import { createIntake } from './intake';
import { parseRecord } from './parse';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 5000);

describe('isVisibleId', () => {
  it('refuses exactly the characters HIDDEN_IN_ID names, at every edge of its ranges', () => {
    const edges = [0x00, 0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0x200a, 0x200b, 0x200f, 0x2010, 0x2027, 0x2028, 0x202e];
    const more = [0x202f, 0x205f, 0x2060, 0x2069, 0x206a, 0xfefe, 0xfeff, 0xff00, 0x3000, 0x5b78];
    for (const code of [...edges, ...more]) {
      const id = `s${String.fromCharCode(code)}1`;
      expect(isVisibleId(id), code.toString(16)).toBe(!HIDDEN_IN_ID.test(id));
    }
  });

  it('gives the same answer as the regular expression on arbitrary text', () => {
    const unit = fc.oneof(
      fc.constantFrom('\u0000', '\t', '\u007f', '\u0085', '\u200b', '\u200e', '\u2028', '\u202e', '\u2060', '\ufeff'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('S', '0', '-', '學', '號'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        expect(isVisibleId(text)).toBe(!HIDDEN_IN_ID.test(text));
      }),
      { seed: 13, numRuns: NUM_RUNS },
    );
  });
});

describe('isIsoDay', () => {
  it('knows leap days, month lengths and the shape', () => {
    expect(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01'].map(isIsoDay)).toEqual([true, true, true, true]);
    expect(
      [
        '2023-02-29',
        '1900-02-29',
        '2023-04-31',
        '2023-13-01',
        '2023-00-10',
        '2023-01-00',
        '2023-1-01',
        '2023-01-01 ',
        '２０２３-01-01',
        '2023/01/01',
        '',
        '0000-01-01',
      ].map(isIsoDay),
    ).toEqual(Array(12).fill(false));
  });

  it('gives the same answer as isPlainDate on day-shaped and arbitrary text; isDatasetDay adds the range', () => {
    const part = (length: number) =>
      fc.string({
        unit: fc.constantFrom('0', '1', '2', '3', '9', '-', 'x'),
        minLength: length - 1,
        maxLength: length + 1,
      });
    const dayShaped = fc.tuple(part(4), part(2), part(2)).map(([year, month, day]) => `${year}-${month}-${day}`);
    const real = fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    // The days either side of DATASET_DAYS' bounds, and year 0000, which no calendar has.
    const edge = fc.constantFrom('0000-01-01', '1921-07-31', '1921-08-01', '2911-07-31', '2911-08-01', '9999-12-31');
    fc.assert(
      fc.property(fc.oneof(dayShaped, real, edge, fc.string({ maxLength: 12 })), (text) => {
        expect(isIsoDay(text), text).toBe(isPlainDate(text));
        expect(isDatasetDay(text), text).toBe(isPlainDate(text) && isWithinDays(text));
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });
});

describe('value ranges at intake', () => {
  const outcome = (extra: object) =>
    JSON.stringify({
      type: 'courseOutcome',
      id: 'c1',
      studentId: 's1',
      term: '11201',
      course: 'math',
      certifier: 't1',
      state: 'draft',
      ...extra,
    });
  const rejection = (line: string) => {
    const result = parseRecord(line, 7);
    if (result.ok) return undefined;
    const data = result.finding.data as { field?: string; format?: string };
    return [result.finding.code, data.field, data.format];
  };

  it('rejects a term, an academic year or a day the engine cannot place, naming the field and its line', () => {
    expect(rejection(outcome({ term: '00101' }))).toEqual(['PR8008', 'term', 'term']);
    expect(rejection(outcome({ uploadedOn: '9999-12-31' }))).toEqual(['PR8008', 'uploadedOn', 'dateRange']);
    expect(rejection(outcome({ uploadedOn: '0001-01-01' }))).toEqual(['PR8008', 'uploadedOn', 'dateRange']);
    expect(rejection(outcome({ uploadedOn: '2024/01/01' }))).toEqual(['PR8008', 'uploadedOn', 'date']);
    const performance = { type: 'diversePerformance', id: 'd1', studentId: 's1', category: 'competition' };
    expect(rejection(JSON.stringify({ ...performance, academicYear: 5 }))).toEqual([
      'PR8008',
      'academicYear',
      'academicYear',
    ]);
    expect(rejection(JSON.stringify({ ...performance, academicYear: 10 }))).toBeUndefined();
  });

  it('accepts the first and last day of the range, and nothing beyond', () => {
    expect(rejection(outcome({ uploadedOn: DATASET_DAYS.first }))).toBeUndefined();
    expect(rejection(outcome({ uploadedOn: DATASET_DAYS.last }))).toBeUndefined();
    expect(rejection(outcome({ uploadedOn: '1921-07-31' }))).toBeDefined();
    expect(rejection(outcome({ uploadedOn: '2911-08-01' }))).toBeDefined();
    const message = parseRecord(outcome({ uploadedOn: '9999-12-31' }), 7);
    expect(!message.ok && message.finding.message.en).toContain('1921-08-01');
  });

  it.each([
    ['an ESC sequence (an OSC 0 window title)', 's1\u001b]0;owned\u0007'],
    ['a line break', 's1\nPR0000 fake'],
    ['a C1 control (CSI)', 's1\u009b31m'],
    ['DEL', 's1\u007f'],
    ['a BOM in front', '\ufeffs1'],
    ['a zero-width space', 's\u200b1'],
    ['a bidi override', 's1\u202e1s'],
    ['a bidi isolate', '\u2066s1\u2069'],
    ['a line separator', 's1\u2028'],
  ])('rejects an id holding %s (PR8008, format id) with its line and field', (_, id) => {
    expect(rejection(outcome({ studentId: id }))).toEqual(['PR8008', 'studentId', 'id']);
    expect(rejection(outcome({ certifier: id }))).toEqual(['PR8008', 'certifier', 'id']);
    expect(rejection(JSON.stringify({ type: 'student', id, grade: 1 }))).toEqual(['PR8008', 'id', 'id']);
  });

  it('keeps ids in Chinese, with spaces, dashes and dots', () => {
    for (const id of ['馬公-001', 'S01 T012', 'a.b_c/d', '學號１２３'])
      expect(rejection(outcome({ studentId: id, certifier: id }))).toBeUndefined();
  });

  it('rejects such a record and reads the next line (read = checked + rejected)', () => {
    const intake = createIntake();
    intake.accept(outcome({ studentId: 's1\u001b[2J' }), 1);
    intake.accept(outcome({ id: 'c2' }), 2);
    const summary = intake.summary();
    expect(summary).toMatchObject({ read: 2, checked: 1, rejected: 1, byCode: { PR8008: 1 } });
    expect(summary.rejections[0]!.message.en).toMatch(/^line 1: .*control or invisible characters/);
  });
});
