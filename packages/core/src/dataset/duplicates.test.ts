import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordIndex, type Sighting } from './duplicates';
import { parseRecord } from './parse';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);

const record = (line: object | string) => {
  const result = parseRecord(typeof line === 'string' ? line : JSON.stringify(line), 1);
  if (!result.ok) throw new Error(result.finding.message.en);
  return result.record;
};

const outcome = {
  type: 'courseOutcome',
  id: 'C1',
  studentId: 's1',
  term: '11201',
  course: '物理',
  certifier: 't1',
  state: 'certified',
};
const consultation = { type: 'consultation', studentId: 's1', term: '11201', teacher: 't5', date: '2023-09-10' };

const sightings = (lines: readonly (object | string)[]): Sighting[] => {
  const index = createRecordIndex();
  return lines.map((line) => index.see(record(line)));
};

describe('createRecordIndex', () => {
  it('tells a new record, an exact repeat and a record with an earlier id and other content apart', () => {
    expect(sightings([outcome, outcome, { ...outcome, state: 'rejected' }, { ...outcome, id: 'C2' }])).toEqual([
      'new',
      'repeat',
      'conflict',
      'new',
    ]);
    expect(
      sightings([
        { type: 'student', id: 's1', grade: 1 },
        { type: 'student', id: 's1', grade: 2 },
      ]),
    ).toEqual(['new', 'conflict']);
  });

  it('compares records as read: the order of keys, a written-out default or a dashed term make no difference', () => {
    const reordered =
      '{"state":"certified","certifier":"t1","course":"物理","term":"112-1","studentId":"s1","id":"C1","type":"courseOutcome","entry":"student","selected":false}';
    expect(sightings([outcome, reordered])).toEqual(['new', 'repeat']);
  });

  it('compares records without an id by their whole content', () => {
    const meeting = { type: 'meeting', date: '2023-09-20' };
    expect(sightings([meeting, meeting, { ...meeting, date: '2023-09-21' }])).toEqual(['new', 'repeat', 'new']);
    const submission = {
      type: 'submission',
      category: 'courseOutcome',
      term: '11201',
      stage: 'final',
      on: '2024-03-30',
      unit: 'teaching',
    };
    expect(sightings([submission, submission])).toEqual(['new', 'repeat']);
  });

  it('compares consultations by their id only: two with one teacher on one day happen', () => {
    expect(sightings([consultation, consultation])).toEqual(['new', 'new']);
    const named = { ...consultation, id: 'K1' };
    expect(sightings([named, named, { ...named, topic: '選課' }])).toEqual(['new', 'repeat', 'conflict']);
  });

  it('keeps schools apart, and items of other students apart', () => {
    expect(sightings([outcome, { ...outcome, school: 'S02' }, { ...outcome, studentId: 's2' }])).toEqual([
      'new',
      'new',
      'new',
    ]);
  });

  it('does not compare course records, certification events and receipts, whose repeats change no result', () => {
    const course = { type: 'courseRecord', studentId: 's1', term: '11201', course: '物理' };
    expect(sightings([course, course])).toEqual(['new', 'new']);
    const receipt = { type: 'receipt', studentId: 's1', category: 'courseOutcome', term: '11201', status: 'confirmed' };
    expect(sightings([receipt, receipt])).toEqual(['new', 'new']);
  });

  it('never runs two values together (ab + c is not a + bc)', () => {
    const named = { ...consultation, id: 'K1' };
    expect(
      sightings([
        { ...named, topic: 'ab', place: 'c' },
        { ...named, topic: 'a', place: 'bc' },
      ]),
    ).toEqual(['new', 'conflict']);
  });

  it('compares numbers by value: a last bit tells two apart, -0 is 0, 1e21 is 1e+21', () => {
    const sized = (megabytes: string) =>
      `{"type":"courseOutcome","id":"C1","studentId":"s1","term":"11201","course":"物理","certifier":"t1","state":"certified","files":[{"name":"a.pdf","type":"pdf","megabytes":${megabytes}}]}`;
    expect(sightings([sized('2.4'), sized('2.4000000000000004'), sized('2.40')])).toEqual([
      'new',
      'conflict',
      'repeat',
    ]);
    expect(sightings([sized('0'), sized('-0'), sized('0.0')])).toEqual(['new', 'repeat', 'repeat']);
    expect(sightings([sized('1e21'), sized('1e+21'), sized('1000000000000000000000')])).toEqual([
      'new',
      'repeat',
      'repeat',
    ]);
    expect(sightings([sized('3'), sized('3.0000000000000004')])).toEqual(['new', 'conflict']);
  });

  it('counts repeats and conflicts the same in any order: repeats = records − versions, conflicts = versions − ids', () => {
    const versions = [
      outcome,
      { ...outcome, state: 'rejected' },
      { ...outcome, state: 'draft' },
      { ...outcome, id: 'C2' },
      { type: 'meeting', date: '2023-09-20' },
      { type: 'student', id: 's1', grade: 1 },
      { type: 'student', id: 's1', grade: 3 },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...versions), { minLength: 1, maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (lines, keys) => {
          const sorted = sightings(lines);
          const shuffled = sightings(
            lines
              .map((line) => [keys.next().value as number, line] as const)
              .sort((a, b) => a[0] - b[0])
              .map(([, line]) => line),
          );
          const count = (of: Sighting[], kind: Sighting) => of.filter((sighting) => sighting === kind).length;
          expect(count(shuffled, 'repeat')).toBe(count(sorted, 'repeat'));
          expect(count(shuffled, 'conflict')).toBe(count(sorted, 'conflict'));
          const distinct = new Set(lines.map((line) => JSON.stringify(line))).size;
          expect(count(sorted, 'repeat')).toBe(lines.length - distinct);
        },
      ),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });

  it('grows past its first table without losing a record', () => {
    const index = createRecordIndex();
    const lines = Array.from({ length: 20_000 }, (_, n) => record({ ...consultation, id: `K${n}` }));
    expect(lines.map((line) => index.see(line)).every((sighting) => sighting === 'new')).toBe(true);
    expect(lines.map((line) => index.see(line)).every((sighting) => sighting === 'repeat')).toBe(true);
  });
});
