import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAudit, createIntake, type DatasetRecord, type ParseResult, validatePack } from '../../packages/core/src';
import {
  createCsvSplitter,
  createCsvTable,
  parseCalendar,
  recordTypeForCsvFile,
} from '../../packages/core/src/internal';
import { CALENDARS, CSV_FILES, NDJSON_LINES, PACKS, PACK_FILES } from './corpus';
import { expectNoPrototypeKeys, expectWellFormedFinding, fuzz, TARGET_TIMEOUT_MS } from './harness';
import { editText, editTree, shuffled, textEdit, treeEdit } from './mutate';

// Dataset records as auditors get them: the sample's NDJSON lines and CSV files with their values,
// keys and text mutated, read through the intake (every line read is checked or rejected) and
// audited in the order given and shuffled (the same findings either way).

const JSON_TOKENS = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\\',
  '\\u0000',
  '\\ud800',
  '"__proto__":{"polluted":true},',
  '"constructor":{"prototype":{"polluted":true}},',
  '1e309',
  '-0',
  '00101',
  '9999-12-31',
  '+275760-09-13',
  '\u0000',
  '\u001b]0;owned\u0007',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\r',
  '\n',
  ' ',
  '學',
] as const;

const CSV_TOKENS = [
  '"',
  '""',
  ',',
  '\n',
  '\r\n',
  '\r',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '"\n"',
  'x'.repeat(300),
  '學',
];

const TREES = NDJSON_LINES.map((line) => JSON.parse(line) as unknown);

/** A file of records mutated from the sample's lines: values and keys (on the parsed record), then the text. */
const ndjsonFile = fc
  .array(
    fc.record({
      seed: fc.nat({ max: TREES.length - 1 }),
      tree: fc.array(treeEdit, { maxLength: 2 }),
      text: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(textEdit(JSON_TOKENS), { minLength: 1, maxLength: 2 }) },
      ),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((lines) =>
    lines.map(({ seed, tree, text }) => editText(JSON.stringify(editTree(TREES[seed], tree)), text)).join('\n'),
  );

const magong = validatePack(PACKS[PACK_FILES.indexOf('schools/magong/pack.yaml')]!);
const CALENDAR = parseCalendar(CALENDARS[0]!).calendar!;

interface Read {
  readonly record: DatasetRecord;
  readonly position: { readonly line: number; readonly column: number; readonly record: number };
}

function audit(records: readonly Read[]) {
  const run = createAudit(magong.resolution!, { asOf: '2024-09-01', calendar: CALENDAR });
  for (const { record, position } of records) run.add(record, position);
  return run.finish();
}

/** What the intake promises of any input: each line counted once, checked or rejected with a coded finding. */
function expectAccounted(
  lines: readonly string[],
  results: readonly ParseResult[],
  summary: ReturnType<ReturnType<typeof createIntake>['summary']>,
) {
  expect(summary.read).toBe(lines.length);
  expect(summary.checked + summary.rejected).toBe(summary.read);
  expect(summary.checked).toBe(results.filter((result) => result.ok).length);
  expect(Object.values(summary.byCode).reduce((sum, count) => sum + count, 0)).toBe(summary.rejected);
  expect(summary.rejections.length + summary.unlisted).toBe(summary.rejected);
  for (const rejection of summary.rejections) {
    expect(rejection.line).toBeGreaterThanOrEqual(1);
    expect(rejection.line).toBeLessThanOrEqual(lines.length);
  }
}

/** An audit's result without the lines its findings point at, in a fixed order. */
function unplaced(result: ReturnType<typeof audit>) {
  const findings = result.findings.map(({ position: _position, ...finding }) => JSON.stringify(finding)).sort();
  return { ...result, findings };
}

/** Reads numbered lines through the intake (repeats and conflicts found) into an audit. */
function read(lines: readonly { line: string; number: number }[], tally?: (outcome: string) => void) {
  const intake = createIntake();
  const records: Read[] = [];
  const results = lines.map(({ line, number }) => {
    const result = intake.accept(line, number);
    if (result.ok) {
      expectNoPrototypeKeys(result.record);
      records.push({ record: result.record, position: { line: number, column: 1, record: number } });
    } else {
      expectWellFormedFinding(result.finding, line);
      tally?.(result.finding.code);
    }
    return result;
  });
  const summary = intake.summary();
  expectAccounted(
    lines.map(({ line }) => line),
    results,
    summary,
  );
  tally?.(
    `records ${records.length === lines.length ? 'all checked' : records.length > 0 ? 'some checked' : 'none checked'}`,
  );
  return { summary, result: audit(records) };
}

describe('fuzz: dataset intake and audit', () => {
  it(
    'reads every NDJSON line into a record or a coded rejection, and audits the records alike in any order',
    async () => {
      await fuzz(
        'dataset-ndjson',
        fc.tuple(ndjsonFile, fc.array(fc.integer(), { maxLength: 30 })),
        ([text, keys], tally) => {
          const lines = text.split('\n').map((line, index) => ({ line, number: index + 1 }));
          const first = read(lines, tally);
          for (const finding of first.result.findings) {
            expectWellFormedFinding(finding, text);
            tally(finding.code);
          }
          // The same lines in another order (another file: lines numbered anew): the same tally and the
          // same findings and statistics, but for where they point.
          const again = read(shuffled(lines, keys).map(({ line }, index) => ({ line, number: index + 1 })));
          const { read: count, checked, rejected, byCode } = first.summary;
          expect(again.summary).toMatchObject({ read: count, checked, rejected, byCode });
          expect(unplaced(again.result)).toEqual(unplaced(first.result));
        },
      );
    },
    TARGET_TIMEOUT_MS,
  );

  it(
    'reads every CSV row into a record or a coded rejection, a broken quote included',
    async () => {
      const files = Object.entries(CSV_FILES);
      const csvFile = fc.record({
        file: fc.nat({ max: files.length - 1 }),
        text: fc.array(textEdit(CSV_TOKENS), { minLength: 1, maxLength: 4 }),
      });
      await fuzz('dataset-csv', csvFile, ({ file, text: edits }, tally) => {
        const [name, original] = files[file]!;
        const text = editText(original, edits);
        const [headerLine, ...lines] = text.split('\n');
        const splitter = createCsvSplitter();
        const header = splitter.push(headerLine!.replace(/\r$/, ''), 1);
        if (!header) {
          tally('header unterminated');
          return;
        }
        const table = createCsvTable(recordTypeForCsvFile(name)!, header.cells, { file: name });
        for (const finding of table.findings) expectWellFormedFinding(finding, text);
        if (!table.usable) {
          tally('header refused');
          return;
        }
        const intake = createIntake();
        const results: ParseResult[] = [];
        lines.forEach((line, index) => {
          const row = splitter.push(line.replace(/\r$/, ''), index + 2);
          if (!row) return;
          const result = intake.count(table.parseRow(row.cells, row.line), row.line, { file: name });
          if (result.ok) expectNoPrototypeKeys(result.record);
          else {
            expectWellFormedFinding(result.finding, text);
            tally(result.finding.code);
          }
          results.push(result);
        });
        const summary = intake.summary();
        expect(summary.checked + summary.rejected).toBe(summary.read);
        expect(summary.read).toBe(results.length);
        tally(splitter.unterminated() === undefined ? 'closed' : 'unterminated quote');
      });
    },
    TARGET_TIMEOUT_MS,
  );
});
