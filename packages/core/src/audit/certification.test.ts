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

function actorCodes(division: string | undefined, actor: string): string[] {
  return actorFindings([
    { type: 'student', id: 's1', grade: 2, class: '201', ...(division && { division }) },
    {
      type: 'courseOutcome',
      id: 'c1',
      studentId: 's1',
      term: '11201',
      course: 'physics',
      certifier: 't1',
      state: 'certified',
      certifiedOn: '2024-01-10',
      certifiedBy: actor,
    },
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
