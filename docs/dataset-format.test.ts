import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntake, parseRecord, RECORD_TYPES, type DatasetRecord } from '@portfolio-rules/core';
import { columnsOf } from '@portfolio-rules/core/internal';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../packages/cli/src/dataset';
import { codeBlocks } from './markdown-blocks';

const EXAMPLES = fileURLToPath(new URL('../examples/data/', import.meta.url));
const reference = readFileSync(new URL('./reference/dataset-format.md', import.meta.url), 'utf8');
const page = (code: string) => readFileSync(new URL(`./codes/${code}.md`, import.meta.url), 'utf8');

/** The text of a `### \`type\`` section of the reference. */
function section(type: string): string {
  const start = reference.indexOf(`### \`${type}\``);
  const end = reference.indexOf('\n### ', start + 1);
  return start < 0 ? '' : reference.slice(start, end < 0 ? undefined : end);
}

async function records(
  path: string,
): Promise<{ records: DatasetRecord[]; read: Awaited<ReturnType<typeof readDataset>> }> {
  const found: DatasetRecord[] = [];
  const read = await readDataset(path, { cwd: EXAMPLES, onRecord: (record) => found.push(record) });
  return { records: found, read };
}

describe('the dataset format reference', () => {
  it('documents every record type: its CSV file and every field', () => {
    for (const spec of RECORD_TYPES) {
      const text = section(spec.type);
      expect(text, `a section for ${spec.type}`).not.toBe('');
      expect(text).toContain(spec.csvFile);
      for (const column of columnsOf(spec).filter((candidate) => candidate.name !== 'school'))
        expect(text, `${spec.type}.${column.name}`).toContain(`\`${column.name}\``);
    }
  });

  it('its examples are valid records', () => {
    const blocks = codeBlocks(reference);
    const json = blocks.filter((block) => block.language === 'json');
    expect(json.length).toBeGreaterThan(0);
    for (const block of json)
      for (const line of block.text.trimEnd().split('\n')) expect(parseRecord(line, 1).ok).toBe(true);
  });

  it('examples/data/sample.ndjson holds every record type, all valid', async () => {
    const { records: found, read } = await records('sample.ndjson');
    expect(read.summary).toMatchObject({ rejected: 0 });
    expect(read.summary.read).toBe(read.summary.checked);
    expect(new Set(found.map((record) => record.type))).toEqual(new Set(RECORD_TYPES.map((spec) => spec.type)));
  });

  it('examples/data/csv reads into the same records as the NDJSON sample', async () => {
    const ndjson = (await records('sample.ndjson')).records;
    const { records: fromCsv, read } = await records('csv');
    expect(read.findings).toEqual([]);
    expect(read.summary).toMatchObject({ read: 4, checked: 4 });
    const key = (record: DatasetRecord) => `${record.type}|${'id' in record ? record.id : ''}`;
    const wanted = new Map(ndjson.map((record) => [key(record), record]));
    for (const record of fromCsv) expect(record).toEqual(wanted.get(key(record)));
  });
});

describe('the dataset code pages', () => {
  const blocksOf = (code: string) => {
    const blocks = codeBlocks(page(code));
    return {
      failing: blocks.find((block) => block.heading.startsWith('Failing'))!,
      passing: blocks.find((block) => block.heading.startsWith('Passing'))!,
    };
  };

  it.each(['PR8001', 'PR8002', 'PR8003', 'PR8004', 'PR8005', 'PR8006', 'PR8007', 'PR8008', 'PR8009'])(
    '%s: the failing NDJSON example raises it, the passing one is clean',
    (code) => {
      const { failing, passing } = blocksOf(code);
      const run = (text: string) => {
        const intake = createIntake();
        text
          .replace(/\n$/, '')
          .split('\n')
          .forEach((line, index) => intake.accept(line, index + 1));
        return intake.summary();
      };
      expect(Object.keys(run(failing.text).byCode)).toContain(code);
      expect(run(passing.text).rejected).toBe(0);
    },
  );

  it.each(['PR8012', 'PR8013', 'PR8014', 'PR8015'])(
    '%s: the failing CSV example raises it, the passing one is clean',
    async (code) => {
      const { failing, passing } = blocksOf(code);
      const run = async (text: string) => {
        const folder = mkdtempSync(join(tmpdir(), 'pr-docs-'));
        const name = text.startsWith('id,studentId') ? 'course-outcomes.csv' : 'students.csv';
        writeFileSync(join(folder, name), text);
        const read = await readDataset(name, { cwd: folder });
        return [...read.findings.map((finding) => finding.code), ...Object.keys(read.summary.byCode)];
      };
      expect(await run(failing.text)).toContain(code);
      expect(await run(passing.text)).toEqual([]);
    },
  );
});
