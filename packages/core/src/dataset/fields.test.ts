import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDate } from '../_lib/date';
import { isIsoDay } from './fields';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 5000);

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
      ].map(isIsoDay),
    ).toEqual(Array(11).fill(false));
  });

  it('gives the same answer as isPlainDate on day-shaped and arbitrary text', () => {
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
    fc.assert(
      fc.property(fc.oneof(dayShaped, real, fc.string({ maxLength: 12 })), (text) => {
        expect(isIsoDay(text), text).toBe(isPlainDate(text));
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });
});
