import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntake } from '../dataset/intake';
import { parseRecord } from '../dataset/parse';
import { deepFreeze } from '../windows/windows.fixture';
import { CALENDAR_112, outcome, performance, RESOLUTION, student } from './audit.fixture';
import { createAudit } from './index';
import type { AuditResult } from './types';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 100);

/** A little of everything the audit judges, including records before the ones they refer to. */
const RAW: readonly object[] = [
  student('s1'),
  student('s2', { grade: 3, class: '301' }),
  student('g1', { grade: 3, status: 'graduated', graduatedOn: '2020-06-30' }),
  outcome('c1', { selected: true }),
  outcome('c2', { state: 'rejected' }),
  outcome('c3', { state: 'submitted', certifiedOn: undefined }),
  outcome('c8', { state: 'submitted', certifiedOn: undefined, withdrawn: false }),
  outcome('c4', { certifiedOn: '2024-03-01', certifiedBy: 't9' }),
  outcome('c5', { studentId: 's2', term: '11202', selected: true, state: 'draft', certifiedOn: undefined }),
  outcome('c6', { studentId: 's2', term: '11202', uploadedOn: '2024-05-01', certifiedOn: '2024-08-01' }),
  outcome('c7', { studentId: 's3' }),
  performance('d1', { selected: true }),
  performance('d2', { selected: true }),
  performance('d3', { selected: true }),
  performance('d4', { entry: 'schoolEntered', category: 'cadre' }),
  { type: 'certificationEvent', itemId: 'c1', studentId: 's1', event: 'certify', on: '2024-01-10', actor: 's1' },
  { type: 'certificationEvent', itemId: 'c2', studentId: 's1', event: 'reject', on: '2024-01-10', actor: 't1' },
  {
    type: 'certificationEvent',
    itemId: 'c4',
    studentId: 's1',
    event: 'reassign',
    on: '2024-01-02',
    actor: 'registration',
    to: 't8',
  },
  { type: 'certificationEvent', itemId: 'c6', studentId: 's2', event: 'certify', on: '2024-08-01', actor: 't8' },
  { type: 'submission', category: 'courseOutcome', term: '11202', stage: 'final', on: '2024-07-30', unit: 'teaching' },
  {
    type: 'submission',
    category: 'cadre',
    term: '11201',
    stage: 'submit',
    on: '2024-03-15',
    unit: 'guidance',
    receiptOpens: '2024-03-16',
    receiptCloses: '2024-03-16',
  },
  { type: 'submission', category: 'courseOutcome', term: '11201', stage: 'final', on: '2024-03-30', unit: 'teaching' },
  {
    type: 'receipt',
    studentId: 's1',
    category: 'courseOutcome',
    term: '11201',
    status: 'disputed',
    disputedOn: '2024-03-18',
  },
  {
    type: 'receipt',
    studentId: 's2',
    category: 'courseOutcome',
    term: '11201',
    status: 'disputed',
    disputedOn: '2024-03-18',
  },
  { type: 'meeting', date: '2023-09-20' },
  { type: 'enrolmentChange', studentId: 's2', change: 'transferIn', on: '2023-08-30' },
  { type: 'deletion', studentId: 'g1', deletedOn: '2024-06-30' },
  { type: 'consultation', studentId: 's2', term: '11201', teacher: 't5', date: '2023-09-10' },
  // A reassignment (更換認證教師) on 2024-01-11: t7 deciding before it and t1 after it act as deputies
  // (PR4009); t7 on its own day is its teacher.
  outcome('c9', { studentId: 's2', certifiedOn: '2024-01-12', certifiedBy: 't1' }),
  {
    type: 'certificationEvent',
    itemId: 'c9',
    studentId: 's2',
    event: 'reassign',
    on: '2024-01-11',
    actor: 'a1',
    to: 't7',
  },
  {
    type: 'certificationEvent',
    itemId: 'c9',
    studentId: 's2',
    event: 'reject',
    on: '2024-01-08',
    actor: 't7',
    reason: '缺',
  },
  {
    type: 'certificationEvent',
    itemId: 'c9',
    studentId: 's2',
    event: 'reject',
    on: '2024-01-11',
    actor: 't7',
    reason: '缺',
  },
];
const LINES = RAW.map((line, index) => {
  const result = parseRecord(JSON.stringify(line), index + 1);
  if (!result.ok) throw new Error(`line ${index + 1}: ${result.finding.message.en}`);
  return deepFreeze({ record: result.record, position: { line: index + 1, column: 1, record: index + 1 } });
});

function run(order: readonly (typeof LINES)[number][]) {
  const audit = createAudit(RESOLUTION, { asOf: '2024-09-01', calendar: CALENDAR_112 });
  for (const { record, position } of order) audit.add(record, position);
  return audit.finish();
}

describe('createAudit: record order', () => {
  const expected = run(LINES);

  it('finds something of every kind in the fixture (the property below is not vacuous)', () => {
    expect(new Set(expected.findings.map((finding) => finding.code))).toEqual(
      new Set([
        'PR3001',
        'PR3002',
        'PR4002',
        'PR4003',
        'PR4009',
        'PR4010',
        'PR6003',
        'PR6100',
        'PR7001',
        'PR7010',
        'PR7012',
        'PR7014',
        'PR7500',
        'PR7520',
        'PR7800',
        'PR7802',
        'PR7803',
      ]),
    );
  });

  it('judges each decision against the teacher of its day: before, on and after a reassignment', () => {
    const deputies = expected.findings.filter((finding) => finding.code === 'PR4009' && finding.subject === 'c9');
    expect(deputies.map((finding) => [(finding.data as { actor?: string }).actor, finding.position?.line])).toEqual([
      ['t1', LINES.length - 3],
      ['t7', LINES.length - 1],
    ]);
  });

  it('gives the same result whatever order the records come in (and never mutates them)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(LINES, { minLength: LINES.length, maxLength: LINES.length }), (shuffled) => {
        expect(run(shuffled)).toEqual(expected);
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });
});

/**
 * A result without its places: shuffling the lines of a file changes their numbers, and nothing else
 * may change — but the order of findings alike but for their place (two deputies on one item), which
 * their places set.
 */
function withoutPlaces(result: AuditResult): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'position')
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  const findings = result.findings.map(strip).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { ...(strip(result) as object), findings };
}

describe('createIntake + createAudit: line order, with repeated and conflicting records', () => {
  const texts = RAW.map((line) => JSON.stringify(line));
  /** The fixture's lines, with exact repeats (a course outcome 7 times, a meeting twice) and two student lines for s1 that disagree. */
  const lines = [
    ...texts,
    ...Array.from({ length: 6 }, () => texts[3]!),
    texts[24]!,
    JSON.stringify({ type: 'student', id: 's1', grade: 3, class: '301' }),
  ];

  function audit(order: readonly string[]) {
    const intake = createIntake();
    const audit = createAudit(RESOLUTION, { asOf: '2024-09-01', calendar: CALENDAR_112 });
    const conflicts: string[] = [];
    order.forEach((text, index) => {
      const result = intake.accept(text, index + 1);
      if (!result.ok) return;
      if (result.conflict) conflicts.push(result.conflict.code);
      audit.add(result.record, { line: index + 1, column: 1, record: index + 1 });
    });
    const { rejections, ...summary } = intake.summary();
    return {
      result: withoutPlaces(audit.finish()),
      summary,
      rejected: rejections.map((rejection) => rejection.code).sort(),
      conflicts,
    };
  }

  const expected = audit(lines);

  it('counts each repeat once (no cap inflated by them) and tells the conflict (the property below is not vacuous)', () => {
    expect(expected.summary).toMatchObject({ read: lines.length, rejected: 7, byCode: { PR8021: 7 } });
    expect(expected.conflicts).toEqual(['PR8022']);
    // s1's two student lines disagree: the one that sorts first (grade 2, the fixture's) is kept, in any order.
    expect(expected.result).toEqual(withoutPlaces(run(LINES)));
  });

  it('gives the same result, accounting and findings whatever the order of the lines', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), (shuffled) => {
        expect(audit(shuffled)).toEqual(expected);
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });
});
