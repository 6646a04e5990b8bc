import type { FindingBase } from '../findings/types';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  anchorsFor,
  dataTermSpan,
  indexWorkingDays,
  isWorkingDay,
  parseCalendar,
  termOfEntry,
} from '.';
import { formatTerm } from '../term';

const example = readFileSync(
  fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url)),
  'utf8',
);

const HEAD =
  'academicYear: 112\nterms:\n  - semester: 1\n    anchors: { termStart: 2023-08-01, closingCeremony: 2024-01-19 }\n';
const codesOf = (text: string) => parseCalendar(text).findings.map((finding) => finding.code);

describe('parseCalendar', () => {
  it('reads the example calendar of academic year 112 without findings', () => {
    const { calendar, findings } = parseCalendar(example, { file: 'examples/calendars/112.yaml' });
    expect(findings).toEqual([]);
    expect(calendar?.terms.map((term) => formatTerm(termOfEntry(calendar, term)))).toEqual(['11102', '11201', '11202']);
    expect(anchorsFor(calendar!, { year: 112, semester: 1 })?.closingCeremony).toBe('2024-01-19');
  });

  it('gives each data term the national dates for its data (seed 004): 111-2 in October 2023, 112-1 in March 2024', () => {
    const calendar = parseCalendar(example).calendar!;
    const national = (year: number, semester: 1 | 2, grade?: 1 | 2 | 3) => {
      const anchors = anchorsFor(calendar, { year, semester }, grade);
      return [anchors?.nationalSubmissionOpens, anchors?.nationalSubmissionCloses, anchors?.nationalUploadDeadline];
    };
    expect(national(111, 2)).toEqual(['2023-10-02', '2023-10-31', '2023-10-31']);
    expect(national(112, 1)).toEqual(['2024-03-15', '2024-03-29', '2024-03-29']);
    expect(national(112, 2, 3)).toEqual(['2024-04-22', '2024-04-26', '2024-04-26']);
    expect(national(112, 2, 1)).toEqual(['2024-10-01', '2024-10-31', '2024-10-31']);
    expect(anchorsFor(calendar, { year: 111, semester: 1 })).toBeUndefined();
  });

  it('accepts national dates up to the end of the following term, and no later (PR6020 with the data term)', () => {
    expect(dataTermSpan({ year: 112, semester: 1 })).toEqual({ first: '2023-08-01', last: '2024-07-31' });
    expect(dataTermSpan({ year: 112, semester: 2 })).toEqual({ first: '2024-02-01', last: '2025-01-31' });
    expect(codesOf(`${HEAD}  - { semester: 2, year: 111, anchors: { nationalUploadDeadline: 2024-01-31 } }\n`)).toEqual(
      [],
    );
    const { findings } = parseCalendar(
      `${HEAD}  - { semester: 2, year: 111, anchors: { nationalUploadDeadline: 2024-02-01, closingCeremony: 2023-06-30 } }\n`,
    );
    expect(findings.map((f) => [f.code, f.subject, f.data])).toEqual([
      [
        'PR6020',
        'terms.1.anchors.nationalUploadDeadline',
        { date: '2024-02-01', academicYear: 111, first: '2023-02-01', last: '2024-01-31', term: '11102' },
      ],
    ]);
    // The term's own dates stay in its academic year.
    expect(codesOf(`${HEAD}  - { semester: 2, year: 111, anchors: { closingCeremony: 2023-08-01 } }\n`)).toEqual([
      'PR6020',
    ]);
  });

  it("gives grade 3 its own anchors over the term's", () => {
    const calendar = parseCalendar(example).calendar!;
    expect(anchorsFor(calendar, { year: 112, semester: 2 }, 3)?.closingCeremony).toBe('2024-06-07');
    expect(anchorsFor(calendar, { year: 112, semester: 2 }, 3)?.termStart).toBe('2024-02-01');
    expect(anchorsFor(calendar, { year: 112, semester: 2 }, 2)?.closingCeremony).toBe('2024-06-28');
    expect(anchorsFor(calendar, { year: 113, semester: 1 })).toBeUndefined();
  });

  it('places a misspelt anchor at its line and column with a suggestion (PR1003)', () => {
    const { calendar, findings } = parseCalendar(
      `${HEAD}  - semester: 2\n    anchors: { closingCeremoni: 2024-06-28 }\n`,
      { file: 'c.yaml' },
    );
    expect(calendar).toBeUndefined();
    expect(findings.map((f: FindingBase) => [f.code, f.subject, f.data.suggestion, f.position])).toEqual([
      ['PR1003', 'terms.1.anchors.closingCeremoni', 'closingCeremony', { file: 'c.yaml', line: 6, column: 16 }],
    ]);
  });

  it('reports a malformed date (PR1008) and YAML syntax (PR1001)', () => {
    expect(codesOf(`${HEAD}holidays:\n  - { date: 2024-02-30 }\n`)).toEqual(['PR1008']);
    expect(codesOf('academicYear: [112\n')).toEqual(['PR1001']);
  });

  it('reports a date outside the academic year (PR6020) at its position', () => {
    const { findings } = parseCalendar(`${HEAD}holidays:\n  - { date: 2023-02-28 }\n`);
    expect(findings.map((f) => [f.code, f.subject, f.data, f.position?.line])).toEqual([
      [
        'PR6020',
        'holidays.0.date',
        { date: '2023-02-28', academicYear: 112, first: '2023-08-01', last: '2024-07-31' },
        6,
      ],
    ]);
  });

  it('reports a data term listed twice (PR6021); the same semester of another year is another term', () => {
    expect(codesOf(`${HEAD}  - semester: 1\n    anchors: {}\n`)).toEqual(['PR6021']);
    expect(codesOf(`${HEAD}  - { semester: 1, year: 112, anchors: {} }\n`)).toEqual(['PR6021']);
    expect(codesOf(`${HEAD}  - { semester: 1, year: 111, anchors: {} }\n`)).toEqual([]);
  });

  it("reports anchors out of order (PR6022), also for a grade's own dates", () => {
    const { findings } = parseCalendar(
      'academicYear: 112\nterms:\n  - semester: 2\n    anchors: { termStart: 2024-02-01, closingCeremony: 2024-06-28, termEnd: 2024-06-01 }\n    grades:\n      3: { closingCeremony: 2024-01-07 }\n',
    );
    expect(findings.map((f: FindingBase) => [f.code, f.data.earlier, f.data.later])).toEqual([
      ['PR6022', 'terms.0.anchors.closingCeremony', 'terms.0.anchors.termEnd'],
      ['PR6022', 'terms.0.anchors.termStart', 'terms.0.grades.3.closingCeremony'],
    ]);
  });

  it('reports a day both off and a make-up working day (PR6023), and a run that ends before it starts (PR6022)', () => {
    expect(
      codesOf(
        `${HEAD}holidays:\n  - { date: 2024-02-08, until: 2024-02-14 }\nworkingDays:\n  - { date: 2024-02-10 }\n`,
      ),
    ).toEqual(['PR6023']);
    expect(codesOf(`${HEAD}holidays:\n  - { date: 2024-02-14, until: 2024-02-08 }\n`)).toEqual(['PR6022']);
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['', '- a', 'terms: 3', '::', 'academicYear: 112\nterms: [{semester: 3, anchors: {}}]']) {
      expect(parseCalendar(text).findings.length).toBeGreaterThan(0);
    }
  });
});

describe('working days', () => {
  const index = indexWorkingDays(parseCalendar(example).calendar!);

  it('Friday + 1 working day is Monday', () => {
    expect(addWorkingDays(indexWorkingDays({}), '2024-01-19', 1)).toBe('2024-01-22');
    expect(addWorkingDays(indexWorkingDays({}), '2024-01-22', -1)).toBe('2024-01-19');
    expect(addWorkingDays(indexWorkingDays({}), '2024-01-19', 0)).toBe('2024-01-19');
  });

  it("skips the calendar's days off and counts its make-up working days", () => {
    // Wed 2024-02-07 + 1: Lunar New Year 02-08…02-14 is off, so Thursday 02-15.
    expect(addWorkingDays(index, '2024-02-07', 1)).toBe('2024-02-15');
    // Thu 02-15, Fri 02-16, then Saturday 02-17 is a make-up working day.
    expect(addWorkingDays(index, '2024-02-15', 2)).toBe('2024-02-17');
    // Friday 2023-10-06 + 1: Monday 10-09 and Tuesday 10-10 are off.
    expect(addWorkingDays(index, '2023-10-06', 1)).toBe('2023-10-11');
    expect(addWorkingDays(index, '2023-10-11', -1)).toBe('2023-10-06');
    expect(isWorkingDay(index, '2023-09-23')).toBe(true);
    expect(isWorkingDay(index, '2023-09-24')).toBe(false);
    expect(isWorkingDay(index, '2023-09-29')).toBe(false);
  });
});

describe('a calendar with thousands of syntax errors', () => {
  // The long fuzz run (calendar, seed 20261212): 5,000 nested brackets after a stray `]` gave 10,236
  // PR1001 findings, and one case took 22.9 s.
  it('lists the first 100 and counts the rest in one PR1017', () => {
    const text = `academicYear: 112\nschool: ]x\ndeep: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`;
    const { calendar, findings } = parseCalendar(text, { file: 'calendar.yaml' });
    expect(calendar).toBeUndefined();
    expect(findings).toHaveLength(101);
    expect(findings[100]).toMatchObject({ code: 'PR1017', data: { listed: 100 } });
    expect((findings[100]!.data as { more: number }).more).toBeGreaterThan(5_000);
  });
});
