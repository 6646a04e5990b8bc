import { describe, expect, it } from 'vitest';
import { createCsvTable } from './csv';
import { recordTypeForCsvFile } from './registry';

const outcomes = recordTypeForCsvFile('exports/Course-Outcomes.csv')!;

describe('createCsvTable', () => {
  it('maps file names onto record types', () => {
    expect(outcomes.type).toBe('courseOutcome');
    expect(recordTypeForCsvFile('students.csv')?.type).toBe('student');
    expect(recordTypeForCsvFile('grades.csv')).toBeUndefined();
  });

  it('reads a row into the same record as NDJSON, with typed cells and files', () => {
    const table = createCsvTable(
      outcomes,
      ['\uFEFFid', 'studentId', 'term', 'course', 'certifier', 'state', 'selected', 'files', 'certifiedOn'],
      { file: 'course-outcomes.csv' },
    );
    expect(table.findings).toEqual([]);
    const result = table.parseRow(
      ['co1', 's1', '112-2', '物理', 't1', 'certified', '是', 'report.PDF:3.5; talk.mp4:9', ''],
      2,
    );
    expect(result).toEqual({
      ok: true,
      record: {
        type: 'courseOutcome',
        kind: 'courseOutcome',
        id: 'co1',
        studentId: 's1',
        term: '11202',
        course: '物理',
        certifier: 't1',
        state: 'certified',
        entry: 'student',
        selected: true,
        files: [
          { name: 'report.PDF', type: 'pdf', megabytes: 3.5 },
          { name: 'talk.mp4', type: 'mp4', megabytes: 9 },
        ],
      },
    });
  });

  it('rejects rows with the wrong number of cells (PR8013), blank rows (PR8009) and bad values, by line', () => {
    const table = createCsvTable(recordTypeForCsvFile('students.csv')!, ['id', 'grade', 'class']);
    expect(table.parseRow(['s1', '2'], 5)).toMatchObject({
      ok: false,
      finding: { code: 'PR8013', position: { line: 5 }, data: { expected: 3, received: 2 } },
    });
    expect(table.parseRow([''], 6)).toMatchObject({ ok: false, finding: { code: 'PR8009' } });
    expect(table.parseRow(['s1', 'two', '201'], 7)).toMatchObject({
      ok: false,
      finding: { code: 'PR8006', data: { field: 'grade', value: 'two', line: 7 } },
    });
    expect(table.parseRow(['s1', '', '201'], 8)).toMatchObject({
      ok: false,
      finding: { code: 'PR8004', data: { field: 'grade' } },
    });
  });

  it('checks the header: unknown columns with a suggestion (PR8014), missing required ones (PR8015)', () => {
    const table = createCsvTable(recordTypeForCsvFile('students.csv')!, ['id', 'grad', 'class']);
    expect(table.usable).toBe(false);
    expect(table.findings.map((finding) => [finding.code, finding.data])).toEqual([
      ['PR8014', { type: 'student', column: 'grad', suggestion: 'grade' }],
      ['PR8015', { type: 'student', column: 'grade' }],
    ]);
  });
});
