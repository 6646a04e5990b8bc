import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyOptions } from '../../test/arbitraries';
import { addCalendarDays } from '../_lib/date';
import {
  academicYearOfDate,
  academicYearWords,
  dateWords,
  termWords,
  compareTerms,
  formatTerm,
  isDateInTerm,
  nextTerm,
  parseTerm,
  previousTerm,
  termEnd,
  termOfDate,
  termStart,
  type Term,
} from '.';

const options = propertyOptions(200);

/** Terms of ROC academic years 100–120 (Gregorian 2011–2032). */
const termArbitrary = fc.record({
  year: fc.integer({ min: 100, max: 120 }),
  semester: fc.constantFrom(1 as const, 2 as const),
});

describe('parseTerm', () => {
  it('reads the 5-digit code, the dashed form and the number YAML reads', () => {
    expect(parseTerm('11201')).toEqual({ year: 112, semester: 1 });
    expect(parseTerm('11202')).toEqual({ year: 112, semester: 2 });
    expect(parseTerm('112-1')).toEqual({ year: 112, semester: 1 });
    expect(parseTerm('112 - 2')).toEqual({ year: 112, semester: 2 });
    expect(parseTerm(' 11102 ')).toEqual({ year: 111, semester: 2 });
    expect(parseTerm(11201)).toEqual({ year: 112, semester: 1 });
    expect(parseTerm('9901')).toEqual({ year: 99, semester: 1 });
  });

  it.each([
    11203,
    '11203',
    '112-3',
    '112-0',
    '11200',
    '',
    '   ',
    null,
    undefined,
    1.5,
    11201.5,
    NaN,
    '1120',
    'abc',
    '112/1',
    {},
    [11201],
    true,
  ])('rejects %j', (input) => {
    expect(parseTerm(input)).toBeUndefined();
  });

  it('rejects academic year 0', () => {
    expect(parseTerm('0001')).toBeUndefined();
    expect(parseTerm('0-1')).toBeUndefined();
  });

  it('rejects a year below 10, which the 5-digit code cannot write back (00101 once crashed the audit)', () => {
    for (const code of ['00101', '0101', '00902', '9-1', 1]) expect(parseTerm(code), `${code}`).toBeUndefined();
    expect(parseTerm('01001')).toEqual({ year: 10, semester: 1 });
    expect(formatTerm(parseTerm('01001')!)).toBe('1001');
  });
});

describe('formatTerm', () => {
  it('writes the code the central database uses', () => {
    expect(formatTerm({ year: 112, semester: 1 })).toBe('11201');
    expect(formatTerm({ year: 99, semester: 2 })).toBe('9902');
  });
});

describe('termOfDate and academicYearOfDate', () => {
  it.each([
    ['2023-07-31', 111, 2, 111],
    ['2023-08-01', 112, 1, 112],
    ['2024-01-31', 112, 1, 112],
    ['2024-02-01', 112, 2, 112],
    ['2024-02-29', 112, 2, 112],
    ['2024-07-31', 112, 2, 112],
    ['2024-08-01', 113, 1, 113],
    ['2025-01-01', 113, 1, 113],
    ['2011-08-01', 100, 1, 100],
    ['2032-07-31', 120, 2, 120],
  ] as const)('%s is in %i-%i (academic year %i)', (date, year, semester, academicYear) => {
    expect(termOfDate(date)).toEqual({ year, semester });
    expect(academicYearOfDate(date)).toBe(academicYear);
  });

  it('puts a leap day in the spring semester', () => {
    expect(formatTerm(termOfDate('2024-02-29'))).toBe('11202');
    expect(formatTerm(termOfDate('2028-02-29'))).toBe('11602');
  });
});

describe('termStart and termEnd', () => {
  it('starts on 1 August and 1 February and ends on 31 January and 31 July', () => {
    expect(termStart({ year: 112, semester: 1 })).toBe('2023-08-01');
    expect(termEnd({ year: 112, semester: 1 })).toBe('2024-01-31');
    expect(termStart({ year: 112, semester: 2 })).toBe('2024-02-01');
    expect(termEnd({ year: 112, semester: 2 })).toBe('2024-07-31');
  });

  it('knows whether a day is in a term', () => {
    const term = { year: 112, semester: 2 } as const;
    expect(isDateInTerm('2024-01-31', term)).toBe(false);
    expect(isDateInTerm('2024-02-01', term)).toBe(true);
    expect(isDateInTerm('2024-07-31', term)).toBe(true);
    expect(isDateInTerm('2024-08-01', term)).toBe(false);
  });
});

describe('properties over ROC years 100–120', () => {
  it('formatTerm and parseTerm round-trip, in both written forms and as a number', () => {
    fc.assert(
      fc.property(termArbitrary, (term) => {
        const code = formatTerm(term);
        expect(parseTerm(code)).toEqual(term);
        expect(parseTerm(Number(code))).toEqual(term);
        expect(parseTerm(`${term.year}-${term.semester}`)).toEqual(term);
        expect(formatTerm(parseTerm(code)!)).toBe(code);
      }),
      options,
    );
  });

  it('a term contains its first and last day, and the days next to them belong to the neighbours', () => {
    fc.assert(
      fc.property(termArbitrary, (term) => {
        expect(termOfDate(termStart(term))).toEqual(term);
        expect(termOfDate(termEnd(term))).toEqual(term);
        expect(termOfDate(addCalendarDays(termStart(term), -1))).toEqual(previousTerm(term));
        expect(termOfDate(addCalendarDays(termEnd(term), 1))).toEqual(nextTerm(term));
      }),
      options,
    );
  });

  it('nextTerm and previousTerm are inverse and ordered', () => {
    fc.assert(
      fc.property(termArbitrary, (term: Term) => {
        expect(previousTerm(nextTerm(term))).toEqual(term);
        expect(nextTerm(previousTerm(term))).toEqual(term);
        expect(compareTerms(term, nextTerm(term))).toBeLessThan(0);
        expect(compareTerms(previousTerm(term), term)).toBeLessThan(0);
        expect(compareTerms(term, { ...term })).toBe(0);
      }),
      options,
    );
  });

  it('every day of a term is in it, and its academic year is the term year', () => {
    fc.assert(
      fc.property(termArbitrary, fc.integer({ min: 0, max: 183 }), (term, offset) => {
        const day = addCalendarDays(termStart(term), offset);
        fc.pre(day <= termEnd(term));
        expect(termOfDate(day)).toEqual(term);
        expect(isDateInTerm(day, term)).toBe(true);
        expect(academicYearOfDate(day)).toBe(term.year);
      }),
      options,
    );
  });
});

describe('terms and days in words', () => {
  it('writes a term as schools do: 112學年度第1學期, never the code', () => {
    expect(termWords({ year: 112, semester: 1 }, 'zh-TW')).toBe('112學年度第1學期');
    expect(termWords({ year: 111, semester: 2 }, 'en')).toBe('semester 2 of academic year 111 (2022–23)');
    expect(academicYearWords(99, 'en')).toBe('academic year 99 (2010–11)');
  });

  it('writes a day as an ROC date, with 中華民國 when asked', () => {
    expect(dateWords('2024-01-19', 'zh-TW')).toBe('113年1月19日');
    expect(dateWords('2019-08-16', 'zh-TW', { era: true })).toBe('中華民國108年8月16日');
    expect(dateWords('2024-01-19', 'en')).toBe('19 January 2024');
  });

  it('reads back the term and year of any day it writes', () => {
    fc.assert(
      fc.property(termArbitrary, fc.integer({ min: 0, max: 180 }), (term, offset) => {
        const day = addCalendarDays(termStart(term), offset);
        const [, roc, month, date] = /^(\d+)年(\d+)月(\d+)日$/.exec(dateWords(day, 'zh-TW'))!;
        expect(`${Number(roc) + 1911}-${month!.padStart(2, '0')}-${date!.padStart(2, '0')}`).toBe(day);
      }),
      options,
    );
  });
});
