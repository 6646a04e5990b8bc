import { describe, expect, it } from 'vitest';
import { parseRecord } from '../dataset/parse';
import { validatePack } from '../pack';
import { createAudit } from './index';

/** 新竹 十一(三)2(1): an absent teacher's items are certified by 註冊組, for 進修部 students by 進修部 教務組. */
const PACK = `id: divisions
name: 分部測試
document: 新竹補充規定
appliesFrom: 11101
divisions: [day, continuingEducation]
units:
  ceAcademic: { name: 進修部教務組 }
duties:
  courseOutcomeCertification:
    owner: courseTeacher
    deputies: [registration]
    byDivision:
      continuingEducation: { owner: courseTeacher, deputies: [ceAcademic], source: 十一(三)2(1) }
    source: 十一(三)2(1)
`;

/** The PR4xxx findings of an audit of the divisions pack over the lines, in their order. */
function actorFindings(lines: readonly object[]) {
  const audit = createAudit(validatePack(PACK, { file: 'pack.yaml' }).resolution!, { asOf: '2024-09-01' });
  lines.forEach((line, index) => {
    const result = parseRecord(JSON.stringify(line), index + 1);
    if (!result.ok) throw new Error(result.finding.message.en);
    audit.add(result.record, { line: index + 1, column: 1, record: index + 1 });
  });
  return audit.finish().findings.filter((finding) => finding.code.startsWith('PR4'));
}

/** c1, s1's course outcome for t1 to certify, certified on 2024-01-10 (null: on a day not given) by `by` (none: by its teacher of the day). */
const outcome = (by?: string, certifiedOn: string | null = '2024-01-10') => ({
  type: 'courseOutcome',
  id: 'c1',
  studentId: 's1',
  term: '11201',
  course: 'physics',
  certifier: 't1',
  state: 'certified',
  ...(certifiedOn !== null && { certifiedOn }),
  ...(by !== undefined && { certifiedBy: by }),
});

function actorCodes(division: string | undefined, actor: string): string[] {
  return actorFindings([
    { type: 'student', id: 's1', grade: 2, class: '201', ...(division && { division }) },
    outcome(actor),
  ]).map((finding) => finding.code);
}

describe("who may certify for an absent teacher, by the student's division", () => {
  it('a day student: the registration section may, the continuing-education office may not', () => {
    expect(actorCodes(undefined, 'registration')).not.toContain('PR4002');
    expect(actorCodes(undefined, 'ceAcademic')).toContain('PR4002');
  });

  it('a 進修部 student: the continuing-education office may, the registration section may not', () => {
    expect(actorCodes('continuingEducation', 'ceAcademic')).not.toContain('PR4002');
    expect(actorCodes('continuingEducation', 'registration')).toContain('PR4002');
  });
});

/** Every order of a list (the lines of a small file). */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('two versions of one course outcome that name different certifiers (a conflict, PR8022)', () => {
  // Found by the long fuzz run (dataset-ndjson, seed 20261209): the version read last decided who the
  // certifier was, so `t1` certifying was an error (PR4002) in one order of the lines and fine in another.
  const outcome = (certifier: string) => ({
    type: 'courseOutcome',
    id: 'c1',
    studentId: 's1',
    term: '11201',
    course: 'physics',
    certifier,
    state: 'certified',
    certifiedOn: '2024-01-10',
    certifiedBy: 't1',
  });
  const event = (actor: string) => ({
    type: 'certificationEvent',
    itemId: 'c1',
    studentId: 's1',
    event: 'certify',
    on: '2024-01-10',
    actor,
  });
  const lines = [
    { type: 'student', id: 's1', grade: 2, class: '201' },
    outcome('t1'),
    outcome('t2'),
    event('t2'),
    event('t3'),
  ];

  const messages = (order: readonly object[]) =>
    actorFindings(order)
      .map((finding) => `${finding.code} ${finding.message.en}`)
      .sort();

  it('takes an act by the certifier of either version as the certifier’s, and judges others alike in every order', () => {
    const expected = messages(lines);
    // Only t3, who is neither version's certifier, acted without authority.
    expect(expected).toHaveLength(1);
    expect(expected[0]).toMatch(/^PR4002 t3 /);
    for (const order of orders(lines)) expect(messages(order)).toEqual(expected);
  });
});

describe('a reassignment (更換認證教師, 手冊 4-7): each decision is judged against the teacher of its day', () => {
  const student = { type: 'student', id: 's1', grade: 2, class: '201' };
  const reassign = (on: string, to: string) => ({
    type: 'certificationEvent',
    itemId: 'c1',
    studentId: 's1',
    event: 'reassign',
    on,
    actor: 'admin',
    to,
  });
  const decision = (event: string, on: string, actor: string) => ({
    type: 'certificationEvent',
    itemId: 'c1',
    studentId: 's1',
    event,
    on,
    actor,
    ...(event === 'reject' && { reason: '缺少實驗數據' }),
  });

  /** The PR4xxx findings of every order of the lines, each as `code message` — the same in every order, or the test fails. */
  function inEveryOrder(lines: readonly object[]): string[] {
    const found = (order: readonly object[]) =>
      actorFindings(order)
        .map((finding) => `${finding.code} ${finding.message.en}`)
        .sort();
    const expected = found(lines);
    for (const order of orders(lines)) expect(found(order)).toEqual(expected);
    return expected;
  }

  /** PR4002 for a teacher in the divisions pack, whose chain's only deputy is the registration section. */
  const refused = (actor: string, event: string) =>
    `PR4002 ${actor} may not ${event} this item; registration section may (新竹補充規定 十一(三)2(1))`;

  /** t1 rejects c1, it is reassigned to t2, who certifies it on 2024-01-10. */
  const handover = (rejectedOn: string, reassignedOn: string) => [
    outcome('t2'),
    decision('reject', rejectedOn, 't1'),
    reassign(reassignedOn, 't2'),
    decision('certify', '2024-01-10', 't2'),
  ];

  it.each([
    [
      'the teacher replaced certifies after the reassignment',
      [outcome('t1'), reassign('2024-01-05', 't2')],
      [refused('t1', 'certify')],
    ],
    [
      'the teacher replaced certifies after it, told by the record and an event (one finding)',
      [outcome('t1'), reassign('2024-01-05', 't2'), decision('certify', '2024-01-10', 't1')],
      [refused('t1', 'certify')],
    ],
    [
      'the student revokes after it: the teacher of that day is named',
      [outcome(), reassign('2024-01-05', 't2'), decision('revoke', '2024-01-12', 's1')],
      ['PR4002 s1 may not revoke this item; t2 may (學習歷程平臺操作手冊 4-7)'],
    ],
    [
      'the teacher replaced acts before the reassignment, the new teacher after it',
      handover('2024-01-03', '2024-01-05'),
      [],
    ],
    [
      'the new teacher acts before the reassignment',
      [outcome('t2'), decision('reject', '2024-01-03', 't2'), reassign('2024-01-05', 't2')],
      [refused('t2', 'reject')],
    ],
    [
      'both teachers act on the day of the reassignment (the data does not say who came first)',
      handover('2024-01-10', '2024-01-10'),
      [],
    ],
    [
      'the teacher replaced acts the day after it',
      [outcome('t2'), reassign('2024-01-09', 't2'), decision('revoke', '2024-01-10', 't1')],
      [refused('t1', 'revoke')],
    ],
    [
      'the item is reassigned away and back, its teacher acting in between',
      [
        outcome('t1'),
        reassign('2024-01-04', 't2'),
        decision('reject', '2024-01-06', 't1'),
        reassign('2024-01-08', 't1'),
      ],
      [refused('t1', 'reject')],
    ],
    ['an undated decision by a teacher the item ever had', [outcome('t1', null), reassign('2024-01-05', 't2')], []],
    [
      'an undated decision by another teacher',
      [outcome('t3', null), reassign('2024-01-05', 't2')],
      [refused('t3', 'certify')],
    ],
  ])('%s: the same findings in every order of the lines', (_, lines, expected) => {
    expect(inEveryOrder([student, ...lines])).toEqual(expected);
  });

  it('cites a decision told twice at the first line that says so', () => {
    const lines = [student, outcome('t1'), reassign('2024-01-05', 't2'), decision('certify', '2024-01-10', 't1')];
    expect(actorFindings(lines).map((finding) => [finding.code, finding.position?.line])).toEqual([['PR4002', 2]]);
  });
});
