import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue';
import type { FindingBase } from '../findings/types';
import { parseRecord, parseRecordValue } from './parse';

const outcome = {
  type: 'courseOutcome',
  id: 'co-1',
  studentId: 's1',
  term: '112-1',
  course: 'physics',
  certifier: 't1',
  state: 'certified',
  certifiedOn: '2024-01-20',
};
const line = (value: unknown) => JSON.stringify(value);

function rejected(text: string, lineNumber = 7) {
  const result = parseRecord(text, lineNumber, { file: 'data.ndjson' });
  if (result.ok) throw new Error(`expected a rejection for ${text}`);
  return result.finding;
}

describe('parseRecord', () => {
  it('reads a course outcome into the engine type, with defaults and the term normalised', () => {
    const result = parseRecord(line(outcome), 1);
    expect(result).toEqual({
      ok: true,
      record: { ...outcome, term: '11201', kind: 'courseOutcome', entry: 'student', selected: false },
    });
  });

  it('reads every documented type', () => {
    const samples = [
      { type: 'student', id: 's1', grade: 2, class: '201' },
      { type: 'diversePerformance', id: 'dp1', studentId: 's1', academicYear: 112, category: 'competition' },
      { type: 'cadre', id: 'c1', studentId: 's1', term: 11201, position: '班長', level: 'class' },
      { type: 'courseRecord', studentId: 's1', term: '11201', course: 'math', credits: 4, score: 78 },
      { type: 'consultation', studentId: 's1', term: '11201', teacher: 't9', date: '2023-09-12' },
      {
        type: 'certificationEvent',
        itemId: 'co-1',
        studentId: 's1',
        event: 'reject',
        on: '2024-01-10',
        actor: 't1',
        reason: '非本人作品',
      },
      {
        type: 'submission',
        category: 'courseOutcome',
        term: '11201',
        stage: 'submit',
        on: '2024-03-01',
        unit: 'teaching',
        receiptOpens: '2024-03-04',
        receiptCloses: '2024-03-08',
      },
      {
        type: 'receipt',
        studentId: 's1',
        category: 'cadre',
        term: '11201',
        status: 'disputed',
        disputedOn: '2024-03-05',
      },
      { type: 'meeting', date: '2023-09-20' },
      { type: 'training', date: '2023-10-02', audience: 'parents' },
      { type: 'enrolmentChange', studentId: 's1', change: 'transferIn', on: '2023-09-01' },
      { type: 'deletion', studentId: 's0', deletedOn: '2024-08-01' },
    ];
    for (const sample of samples)
      expect(parseRecord(line(sample), 1)).toMatchObject({ ok: true, record: { type: sample.type } });
  });

  it('PR8001: bad JSON, with the line number in the position and both messages', () => {
    const finding = rejected('{"type": "student",');
    expect(finding).toMatchObject({
      code: 'PR8001',
      severity: 'error',
      subject: 'line 7',
      position: { file: 'data.ndjson', line: 7, record: 7 },
      data: { line: 7 },
    });
    expect(finding.message['zh-TW']).toContain('第 7 行');
    expect(finding.message.en).toContain('line 7');
  });

  it('PR8002: a JSON value that is not an object', () => {
    expect(rejected('[1,2]')).toMatchObject({ code: 'PR8002', data: { received: 'array' } });
    expect(rejected('42')).toMatchObject({ code: 'PR8002', data: { received: 'number' } });
  });

  it('PR8003: an unknown type, with a suggestion', () => {
    const finding = rejected(line({ type: 'courseOutcom' }));
    expect(finding).toMatchObject({ code: 'PR8003', data: { type: 'courseOutcom', suggestion: 'courseOutcome' } });
    expect(finding.message.en).toContain('did you mean `courseOutcome`');
  });

  it('PR8004: a missing field, and a missing type', () => {
    const { certifier: _certifier, ...withoutCertifier } = outcome;
    expect(rejected(line(withoutCertifier))).toMatchObject({
      code: 'PR8004',
      data: { type: 'courseOutcome', field: 'certifier', line: 7 },
    });
    expect(rejected(line({ id: 's1' }))).toMatchObject({ code: 'PR8004', data: { field: 'type' } });
    expect(rejected(line({ ...outcome, id: '' }))).toMatchObject({ code: 'PR8004', data: { field: 'id' } });
  });

  it('PR8005: a field of the wrong type', () => {
    expect(rejected(line({ ...outcome, selected: 'yes' }))).toMatchObject({
      code: 'PR8005',
      data: { field: 'selected', expected: 'boolean', received: 'string' },
    });
    expect(rejected(line({ ...outcome, term: true }))).toMatchObject({
      code: 'PR8005',
      data: { field: 'term', received: 'boolean' },
    });
    expect(rejected(line({ type: 7 }))).toMatchObject({ code: 'PR8005', data: { field: 'type' } });
  });

  it('PR8006: a value not allowed, with a suggestion', () => {
    expect(rejected(line({ ...outcome, state: 'certifed' }))).toMatchObject({
      code: 'PR8006',
      data: { field: 'state', value: 'certifed', suggestion: 'certified' },
    });
    expect(rejected(line({ type: 'student', id: 's1', grade: 4 }))).toMatchObject({
      code: 'PR8006',
      data: { field: 'grade', value: '4' },
    });
    expect(rejected(line({ ...outcome, files: [{ name: 'a.doc', type: 'doc', megabytes: 1 }] }))).toMatchObject({
      code: 'PR8006',
      data: { field: 'files[0].type' },
    });
  });

  it('PR8007: an unknown field, with a suggestion', () => {
    expect(rejected(line({ ...outcome, certifedOn: '2024-01-01' }))).toMatchObject({
      code: 'PR8007',
      data: { field: 'certifedOn', suggestion: 'certifiedOn' },
    });
  });

  it('PR8008: a malformed date or term', () => {
    expect(rejected(line({ ...outcome, certifiedOn: '2024-02-30' }))).toMatchObject({
      code: 'PR8008',
      data: { field: 'certifiedOn', format: 'date' },
    });
    expect(rejected(line({ ...outcome, term: '112-3' }))).toMatchObject({
      code: 'PR8008',
      data: { field: 'term', format: 'term', value: '112-3' },
    });
  });

  it('PR8009: a blank line is rejected as a warning, not skipped', () => {
    expect(rejected('   ')).toMatchObject({ code: 'PR8009', severity: 'warning' });
  });

  it('counts all problems of a line in data.problems', () => {
    const refused: FindingBase = rejected(line({ type: 'student', grade: 'x', extra: 1 }));
    expect(refused.data.problems).toBe(3);
  });

  it('never throws, whatever the value', () => {
    for (const value of [
      undefined,
      null,
      'x',
      Symbol.iterator,
      () => 1,
      { type: 'student', id: { a: 1 }, grade: [] },
    ]) {
      expect(parseRecordValue(value, 1).ok).toBe(false);
    }
  });

  it('every code it emits is in the catalogue', () => {
    const codes = [
      '{',
      '1',
      line({ type: 'x' }),
      line({ type: 'student' }),
      line({ ...outcome, selected: 1 }),
      line({ ...outcome, state: 'x' }),
      line({ ...outcome, x: 1 }),
      line({ ...outcome, term: 'x' }),
      '',
    ].map((text) => rejected(text).code);
    for (const code of codes) expect(CATALOGUE[code]).toBeDefined();
    expect(new Set(codes).size).toBe(9);
  });
});
