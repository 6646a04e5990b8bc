import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetRecord } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/run';
import type { Encoding } from './decode';
import { readDataset } from './read';

const cwd = join(FIXTURES, 'dataset');

async function read(
  path: string,
  encoding?: Encoding,
  at = cwd,
  onRecord: (record: DatasetRecord) => void = () => undefined,
) {
  const records: { record: DatasetRecord; file: string; line: number }[] = [];
  const result = await readDataset(path, {
    cwd: at,
    ...(encoding && { encoding }),
    onRecord: (record, place) => {
      onRecord(record);
      records.push({ record, file: place.file, line: place.line });
    },
  });
  return { ...result, records };
}

function scratch(files: Record<string, Uint8Array | string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'pr-dataset-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

// 學號,年級 / s1,1 in Big5.
const BIG5_HEADER = Buffer.from([0xbe, 0xc7, 0xb8, 0xb9, 0x2c, 0xa6, 0x7e, 0xaf, 0xc5, 0x0a]);

describe('readDataset', () => {
  it('accounts for every line of the corrupt fixture: read = checked + rejected', async () => {
    const { summary, records, findings, unreadable } = await read('corrupt.ndjson');
    expect(unreadable).toBe(false);
    expect(findings).toEqual([]);
    expect(summary.read).toBe(8);
    expect(summary.checked + summary.rejected).toBe(summary.read);
    expect(records.map(({ record, line }) => [record.type, line])).toEqual([
      ['student', 1],
      ['courseOutcome', 5],
    ]);
    expect(summary.rejections.map(({ file, line, code }) => [file, line, code])).toEqual([
      ['corrupt.ndjson', 2, 'PR8001'],
      ['corrupt.ndjson', 3, 'PR8003'],
      ['corrupt.ndjson', 4, 'PR8004'],
      ['corrupt.ndjson', 6, 'PR8009'],
      ['corrupt.ndjson', 7, 'PR8002'],
      ['corrupt.ndjson', 8, 'PR8006'],
    ]);
  });

  it('reads a CSV folder (with and without BOM, CRLF, quoted cells over lines) and skips unknown files aloud', async () => {
    const { summary, records, findings, unreadable, files } = await read('csv-folder');
    expect(files).toEqual(['csv-folder/course-outcomes.csv', 'csv-folder/students.csv']);
    expect(findings.map((finding) => [finding.code, finding.severity, finding.data.file])).toEqual([
      ['PR8016', 'warning', 'csv-folder/notes.txt'],
    ]);
    expect(unreadable).toBe(false);
    expect(summary).toMatchObject({ read: 6, checked: 4, rejected: 2 });
    expect(summary.rejections.map(({ file, line, code }) => [file, line, code])).toEqual([
      ['csv-folder/course-outcomes.csv', 5, 'PR8013'],
      ['csv-folder/students.csv', 4, 'PR8006'],
    ]);
    const co2 = records.find(({ record }) => record.type === 'courseOutcome' && record.id === 'co2');
    expect(co2).toMatchObject({ line: 3, record: { summary: '多行\n"簡述"', state: 'rejected', selected: false } });
    expect(records.find(({ record }) => record.type === 'student' && record.id === 's1')).toMatchObject({
      line: 2,
      record: { grade: 1, class: '101' },
    });
  });

  it('reads NDJSON with and without a BOM, CRLF endings and no final line break alike', async () => {
    const line = (id: string) => `{"type":"student","id":"${id}","grade":3}`;
    const folder = scratch({
      'a.ndjson': `\uFEFF${line('s1')}\r\n${line('s2')}`,
      'b.jsonl': `${line('s3')}\n${line('s4')}\n`,
    });
    const { summary } = await read('.', undefined, folder);
    expect(summary).toMatchObject({ read: 4, checked: 4, rejected: 0 });
  });

  it('refuses a Big5 file with PR8010, and converts it with encoding big5', async () => {
    const folder = scratch({ 'students.csv': BIG5_HEADER });
    const refused = await read('students.csv', undefined, folder);
    expect(refused.unreadable).toBe(true);
    expect(refused.findings.map((finding) => [finding.code, finding.data.file])).toEqual([['PR8010', 'students.csv']]);
    expect(refused.findings[0]!.message.en).toContain('--encoding big5');
    const converted = await read('students.csv', 'big5', folder);
    expect(converted.findings.map((finding) => [finding.code, finding.data.column])).toEqual([
      ['PR8014', '學號'],
      ['PR8014', '年級'],
      ['PR8015', 'id'],
      ['PR8015', 'grade'],
    ]);
  });

  it('rejects a line of bytes that are neither UTF-8 nor Big5 (PR8011, its line and byte offset) and reads on', async () => {
    const folder = scratch({
      'data.ndjson': Buffer.concat([
        Buffer.from('{"type":"meeting","date":"2023-09-20"}\n'),
        Buffer.from([0x80, 0xff, 0x00, 0x0a]),
        Buffer.from('{"type":"meeting","date":"2023-10-20"}\n'),
      ]),
    });
    const { findings, unreadable, summary, records } = await read('data.ndjson', undefined, folder);
    expect(unreadable).toBe(false);
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({ read: 3, checked: 2, rejected: 1 });
    expect(summary.rejections.map(({ line, code }) => [line, code])).toEqual([[2, 'PR8011']]);
    expect(summary.rejections[0]!.message.en).toContain('near byte 39');
    expect(records.map(({ line }) => line)).toEqual([1, 3]);
  });

  it('reports a CSV quote left open (PR8012) as one rejected row and reads the rows after it, and an empty CSV (PR8017)', async () => {
    const folder = scratch({
      'meetings.csv': 'date,summary\n',
      'trainings.csv': 'date,audience\n2023-09-01,parents\n"2023-10-01,students\n2023-11-01,teachers\n',
      'cadres.csv': '',
    });
    const meetings = await read('meetings.csv', undefined, folder);
    expect(meetings.findings.map((finding) => finding.code)).toEqual(['PR8014']);
    const trainings = await read('trainings.csv', undefined, folder);
    expect(trainings.summary).toMatchObject({ read: 3, checked: 2, rejected: 1 });
    expect(trainings.summary.rejections[0]).toMatchObject({ line: 3, code: 'PR8012' });
    expect(trainings.records.map(({ line }) => line)).toEqual([2, 4]);
    const cadres = await read('cadres.csv', undefined, folder);
    expect(cadres.findings.map((finding) => finding.code)).toEqual(['PR8017']);
    expect(cadres.unreadable).toBe(true);
  });

  it('names every entry of a folder it does not read, follows links to files, and never waits on a FIFO', async () => {
    const line = '{"type":"student","id":"s1","grade":3}\n';
    const folder = scratch({ 'real.ndjson': line, 'empty.ndjson': '', '.hidden.ndjson': line, 'notes.txt': 'x' });
    symlinkSync(join(folder, 'real.ndjson'), join(folder, 'linked.ndjson'));
    symlinkSync(join(folder, 'nowhere.ndjson'), join(folder, 'broken.ndjson'));
    mkdirSync(join(folder, 'sub.ndjson'));
    execFileSync('mkfifo', [join(folder, 'pipe.ndjson')]);
    const { findings, summary, files, unreadable } = await read('.', undefined, folder);
    expect(files).toEqual(['empty.ndjson', 'linked.ndjson', 'real.ndjson']);
    // The link and its file are read both: the second reading repeats the first (PR8021), counted once.
    expect(summary).toMatchObject({ read: 2, checked: 1, rejected: 1, byCode: { PR8021: 1 } });
    expect(unreadable).toBe(false);
    expect(findings.map((finding) => [finding.code, finding.data.file, finding.data.reason])).toEqual([
      ['PR8018', '.hidden.ndjson', 'hidden'],
      ['PR8018', 'broken.ndjson', 'brokenLink'],
      ['PR8016', 'notes.txt', undefined],
      ['PR8018', 'pipe.ndjson', 'special'],
      ['PR8018', 'sub.ndjson', 'folder'],
      ['PR8019', 'empty.ndjson', undefined],
    ]);
    const fifo = await read('pipe.ndjson', undefined, folder);
    expect(fifo.findings.map((finding) => [finding.code, finding.data.reason])).toEqual([['PR9005', 'notRegular']]);
    expect(fifo.unreadable).toBe(true);
  });

  it('rejects a record whose handling fails (PR8020, an internal error, at its line) and reads on', async () => {
    const lines = ['s1', 'boom', 's3'].map((id) => JSON.stringify({ type: 'student', id, grade: 1 }));
    const folder = scratch({ 'data.ndjson': lines.join('\n'), 'students.csv': 'id,grade\ns1,1\nboom,2\ns3,3\n' });
    for (const file of ['data.ndjson', 'students.csv']) {
      const { summary, records } = await read(file, undefined, folder, (record) => {
        if (record.type === 'student' && record.id === 'boom') throw new TypeError('nope');
      });
      const boom = file === 'data.ndjson' ? 2 : 3;
      expect(summary).toMatchObject({ read: 3, checked: 2, rejected: 1, byCode: { PR8020: 1 } });
      expect(summary.rejections.map(({ line, code }) => [line, code])).toEqual([[boom, 'PR8020']]);
      expect(summary.rejections[0]!.message.en).toContain('TypeError: nope');
      expect(records.map(({ record }) => record.type === 'student' && record.id)).toEqual(['s1', 's3']);
    }
  });

  it('resynchronises after a stray quote in a CSV: one rejected row, every row after it read', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `s${index + 2},${(index % 3) + 1}`);
    const folder = scratch({ 'students.csv': ['id,grade', 's1,1', '"s-stray,2', ...rows].join('\r\n') + '\r\n' });
    const { summary } = await read('students.csv', undefined, folder);
    expect(summary).toMatchObject({ read: 5002, checked: 5001, rejected: 1 });
    expect(summary.rejections.map(({ line, code }) => [line, code])).toEqual([[3, 'PR8012']]);
  });

  it('refuses a UTF-16 file (PR8023) and reads it with encoding utf-16le', async () => {
    const text = '\uFEFF{"type":"student","id":"學生1","grade":1}\r\n';
    const folder = scratch({ 'data.ndjson': Buffer.from(text, 'utf16le') });
    const refused = await read('data.ndjson', undefined, folder);
    expect(refused.findings.map((finding) => [finding.code, finding.data.encoding])).toEqual([['PR8023', 'utf-16le']]);
    expect(refused.unreadable).toBe(true);
    const converted = await read('data.ndjson', 'utf-16le', folder);
    expect(converted.summary).toMatchObject({ read: 1, checked: 1 });
    expect(converted.records[0]!.record).toMatchObject({ id: '學生1' });
  });

  it('reports a missing path as unreadable (PR9005) without throwing', async () => {
    const { findings, unreadable } = await read('no-such-file.ndjson');
    expect(unreadable).toBe(true);
    expect(findings.map((finding) => finding.code)).toEqual(['PR9005']);
  });
});
