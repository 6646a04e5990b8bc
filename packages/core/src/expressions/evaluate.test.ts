import type { FindingBase } from '../findings/types';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as jsonLogicModule from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../calendar';
import type { CourseOutcome, DiversePerformance, PortfolioItem, Student } from '../records/items';
import type { Term } from '../term';
import { resolveWindows } from '../windows';
import { deepFreeze, effectiveOf } from '../windows/windows.fixture';
import { dayNumber, evaluateRules, FACT_PATHS, studentFacts, studentTermFacts, unknownFacts } from '.';

const CALENDAR = deepFreeze(
  parseCalendar(
    readFileSync(fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url)), 'utf8'),
  ).calendar!,
);
const T1: Term = { year: 112, semester: 1 };
const STUDENT: Student = { id: 's1', grade: 2, status: 'enrolled' };

const outcome = (id: string, state: CourseOutcome['state'], extra: Partial<CourseOutcome> = {}): CourseOutcome => ({
  kind: 'courseOutcome',
  id,
  studentId: 's1',
  entry: 'student',
  selected: false,
  term: '11201',
  course: '物理',
  certifier: 't1',
  state,
  ...extra,
});
const performance = (id: string, extra: Partial<DiversePerformance> = {}): DiversePerformance => ({
  kind: 'diversePerformance',
  id,
  studentId: 's1',
  entry: 'student',
  selected: false,
  academicYear: 112,
  category: 'competition',
  ...extra,
});

/**
 * The proposed use in a seed pack: 馬公補充規定 五(三)2 has teachers certify within the school's window
 * each semester. The windows decide whether a teacher may still certify; nothing in the fixed
 * vocabulary reports what is left waiting once the window has closed. A custom rule does.
 */
const MAGONG_LIKE = effectiveOf(`windows:
  - { activity: courseOutcomeCertification, closes: { anchor: closingCeremony, weeks: 2 }, source: 作業流程 11 }
rules:
  - id: certification-backlog
    about: studentTerm
    severity: warning
    when:
      and:
        - { ">": [{ var: courseOutcome.submitted }, 0] }
        - { "!!": { var: windows.courseOutcomeCertification.closes } }
        - { ">": [{ var: asOf }, { var: windows.courseOutcomeCertification.closes }] }
    message:
      zh-TW: 認證期程已截止，仍有課程學習成果待任課教師認證
      en: the certification window has closed and course outcomes still await the course teacher
    source: 五(三)2
`);

const ITEMS: readonly PortfolioItem[] = deepFreeze([
  outcome('c1', 'submitted'),
  outcome('c2', 'certified', { selected: true }),
  outcome('c3', 'rejected'),
  outcome('c4', 'submitted', { withdrawn: true }),
  outcome('c5', 'draft', { term: '11202' }),
  outcome('c6', 'certified', { studentId: 's2' }),
  performance('d1', { selected: true }),
  performance('d2', { entry: 'schoolEntered', selected: true }),
  performance('d3', { academicYear: 111 }),
]);

const factsOn = (asOf: string, items: readonly PortfolioItem[] = ITEMS) =>
  deepFreeze([
    studentTermFacts({
      student: STUDENT,
      term: T1,
      items,
      asOf,
      windows: resolveWindows(MAGONG_LIKE, CALENDAR, T1).windows,
    }),
  ]);

describe('facts', () => {
  it("counts a student-term's items by kind and state, leaving out withdrawn items and other students'", () => {
    const [facts] = factsOn('2024-02-20');
    expect(facts).toEqual({
      about: 'studentTerm',
      subject: 's1@11201',
      values: {
        student: { id: 's1', grade: 2, division: 'day', status: 'enrolled' },
        academicYear: 112,
        term: { code: 11201, year: 112, semester: 1 },
        asOf: 19773,
        courseOutcome: { uploaded: 3, draft: 0, submitted: 1, certified: 1, rejected: 1, selected: 1 },
        diversePerformance: { uploaded: 1, selected: 1, schoolEntered: 1 },
        // 休業式 2024-01-19 + 2 weeks = 2024-02-02.
        windows: { courseOutcomeCertification: { closes: dayNumber('2024-02-02') } },
      },
    });
  });

  it("counts a student's academic year, and gives days as numbers", () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-01-19')).toBe(19741);
    const facts = studentFacts({ student: STUDENT, academicYear: 112, items: ITEMS, asOf: '2024-07-31' });
    expect([
      facts.about,
      facts.subject,
      facts.values.courseOutcome.uploaded,
      facts.values.courseOutcome.draft,
      facts.values.term,
    ]).toEqual(['student', 's1', 4, 1, undefined]);
  });

  it('documents every path a builder produces', () => {
    const [facts] = factsOn('2024-02-20');
    const leaves = (value: unknown, prefix = ''): string[] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key))
        : [prefix];
    expect(leaves(facts!.values).filter((path) => !FACT_PATHS.includes(path))).toEqual([]);
  });
});

describe('evaluateRules', () => {
  it("raises the rule's own finding where it holds: certification still pending after the window closed (馬公 五(三)2)", () => {
    const findings = evaluateRules(MAGONG_LIKE, factsOn('2024-02-03'));
    expect(findings.map((f) => [f.code, f.severity, f.subject, f.rule, f.source, f.layer, f.message.en])).toEqual([
      [
        'PR6100',
        'warning',
        's1@11201',
        'rules.certification-backlog',
        { document: '測試補充規定', clause: '五(三)2' },
        'school:test',
        'the certification window has closed and course outcomes still await the course teacher',
      ],
    ]);
    expect(findings[0]?.message['zh-TW']).toBe('認證期程已截止，仍有課程學習成果待任課教師認證');
  });

  it('stays silent on the closing day, with nothing pending, without a resolved window, and for facts of another kind', () => {
    expect(evaluateRules(MAGONG_LIKE, factsOn('2024-02-02'))).toEqual([]);
    expect(
      evaluateRules(
        MAGONG_LIKE,
        factsOn(
          '2024-02-03',
          ITEMS.filter((item) => item.id !== 'c1'),
        ),
      ),
    ).toEqual([]);
    expect(
      evaluateRules(MAGONG_LIKE, [studentTermFacts({ student: STUDENT, term: T1, items: ITEMS, asOf: '2024-02-03' })]),
    ).toEqual([]);
    expect(
      evaluateRules(MAGONG_LIKE, [
        studentFacts({ student: STUDENT, academicYear: 112, items: ITEMS, asOf: '2024-02-03' }),
      ]),
    ).toEqual([]);
  });

  it('takes the severity the pack gives, and evaluates student rules on student facts', () => {
    const pack = effectiveOf(`rules:
  - { id: grade3-nothing-selected, about: student, severity: info, when: { and: [{ "==": [{ var: student.grade }, 3] }, { "==": [{ var: courseOutcome.selected }, 0] }] }, message: { zh-TW: 尚未勾選, en: nothing selected }, source: 六(一) }
`);
    const senior = studentFacts({
      student: { ...STUDENT, grade: 3 },
      academicYear: 112,
      items: [],
      asOf: '2024-04-01',
    });
    expect(evaluateRules(pack, deepFreeze([senior])).map((f) => [f.code, f.severity, f.subject])).toEqual([
      ['PR6100', 'info', 's1'],
    ]);
    expect(
      evaluateRules(pack, [studentFacts({ student: STUDENT, academicYear: 112, items: [], asOf: '2024-04-01' })]),
    ).toEqual([]);
  });

  it('never runs a rule that fails the safety check (PR6101), even if it reached the effective pack', () => {
    const unsafe = deepFreeze({
      ...MAGONG_LIKE,
      values: {
        ...MAGONG_LIKE.values,
        rules: [
          { id: 'bad', when: { method: [{ var: 'student.id' }, 'toUpperCase'] }, message: { 'zh-TW': 'x', en: 'x' } },
        ],
      },
    });
    expect(evaluateRules(unsafe, factsOn('2024-02-03')).map((f: FindingBase) => [f.code, f.data.problems])).toEqual([
      ['PR6101', ['operator method']],
    ]);
  });

  it('reports a rule that throws while evaluating (PR6102) and a fact that is not documented (PR6103)', () => {
    const pack = effectiveOf(`rules:
  - { id: throws, when: { cat: [{ var: student.id }] }, message: { zh-TW: x, en: x } }
  - { id: typo, when: { ">": [{ var: courseOutcome.certifed }, 0] }, message: { zh-TW: x, en: x } }
`);
    // Facts a caller built by hand, with an id that cannot be read as text.
    const [facts] = factsOn('2024-02-03');
    const unreadable = {
      ...facts!,
      values: { ...facts!.values, student: { ...facts!.values.student, id: Object.create(null) as never } },
    };
    expect(
      evaluateRules(pack, [unreadable]).map((f: FindingBase) => [
        f.code,
        f.data.fact ?? f.data.id,
        f.data.suggestion ?? null,
      ]),
    ).toEqual([
      ['PR6102', 'throws', null],
      ['PR6103', 'courseOutcome.certifed', 'courseOutcome.certified'],
    ]);
  });

  it('finds unknown facts but not element reads inside all/some/none', () => {
    expect(
      unknownFacts({
        and: [
          { var: 'student.grade' },
          { var: ['nope', 1] },
          { missing: ['asOf', 'x.y'] },
          { some: [[1, 2], { '>': [{ var: '' }, 1] }] },
          { missing_some: [1, ['term.code', 'z']] },
        ],
      }),
    ).toEqual(['nope', 'x.y', 'z']);
  });

  it('adds no operation to json-logic-js, which is global', () => {
    evaluateRules(MAGONG_LIKE, factsOn('2024-02-03'));
    const jsonLogic = (jsonLogicModule as { default?: typeof jsonLogicModule }).default ?? jsonLogicModule;
    expect(() => {
      jsonLogic.apply({ certification: [] });
    }).toThrow(/Unrecognized operation/);
  });
});
