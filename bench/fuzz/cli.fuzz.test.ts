import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/main';
import { RAW_CONTROL } from '../../packages/cli/test/raw-controls';
import { SarifLog } from '../../packages/cli/test/report-sarif-schema';
import { parseXml } from '../../packages/cli/test/report-xml';
import { CALENDARS, NDJSON_LINES, PACKS } from './corpus';
import { fuzz, repeats, TARGET_TIMEOUT_MS } from './harness';
import { byteEdit, editBytes, editText, editTree, mutatedYaml, textEdit, treeEdit } from './mutate';

// The CLI end to end, as school staff and auditors run it: a mutated pack, calendar and data file
// written to a folder, then one command in one of its output formats, in process. Whatever the
// input, the answer is an exit code of 0, 1 or 2, no stack trace and no internal error, no raw
// control character in any output, and output that parses as the format it claims to be.

const COMMANDS = {
  validate: ['stylish', 'json', 'sarif', 'junit'],
  explain: ['stylish', 'json'],
  audit: ['stylish', 'json', 'sarif', 'html', 'junit'],
  render: ['md', 'html'],
  timeline: ['text', 'json', 'ics'],
  diff: ['md', 'html'],
} as const;
type Name = keyof typeof COMMANDS;
const INVOCATIONS = (Object.entries(COMMANDS) as [Name, readonly string[]][]).flatMap(([command, formats]) =>
  formats.map((format) => ({ command, format })),
);

const TREES = NDJSON_LINES.map((line) => JSON.parse(line) as unknown);
const data = fc
  .array(
    fc.record({
      seed: fc.nat({ max: TREES.length - 1 }),
      tree: fc.array(treeEdit, { maxLength: 1 }),
      text: fc.array(textEdit(['"', '{', '\u001b[2J', '\u202e', '\u0000', '\ud800', '<script>']), { maxLength: 1 }),
    }),
    { maxLength: 25 },
  )
  .map((lines) =>
    lines.map(({ seed, tree, text }) => editText(JSON.stringify(editTree(TREES[seed], tree)), text)).join('\n'),
  );

/** A file's bytes: mostly the text as UTF-8, sometimes with bytes that are not (Big5, UTF-16 marks, broken sequences). */
const bytesOf = (text: fc.Arbitrary<string>) =>
  fc
    .record({ text, bytes: fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, fc.array(byteEdit, { maxLength: 2 })) })
    .map(({ text: written, bytes }) => editBytes(new TextEncoder().encode(written), bytes));

const CASE = fc.record({
  invocation: fc.constantFrom(...INVOCATIONS),
  lang: fc.constantFrom('zh-TW', 'en'),
  pack: bytesOf(fc.oneof(fc.constantFrom(...PACKS), mutatedYaml(PACKS))),
  old: fc.nat({ max: PACKS.length - 1 }),
  calendar: bytesOf(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...CALENDARS) }, mutatedYaml(CALENDARS))),
  data: bytesOf(data),
});

const folder = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const buffer = () => {
  let text = '';
  return { write: (chunk: string) => void (text += chunk), read: () => text };
};

async function run(argv: readonly string[]) {
  const stdout = buffer();
  const stderr = buffer();
  const code = await main(argv, { stdout, stderr, cwd: folder });
  return { code, stdout: stdout.read(), stderr: stderr.read() };
}

let rejectedErrors = 0;

/** Every `intake` in a JSON report (one per school audited) adds up. */
function expectIntakesAddUp(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let found = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'intake' && inner && typeof inner === 'object') {
      const { read, checked, rejected, rejections } = inner as {
        read: number;
        checked: number;
        rejected: number;
        rejections: readonly { severity: string }[];
      };
      expect(read, 'read = checked + rejected').toBe(checked + rejected);
      if (rejections.some((rejection) => rejection.severity === 'error')) rejectedErrors++;
      found++;
    } else found += expectIntakesAddUp(inner);
  }
  return found;
}

function expectFormat(format: string, output: string): void {
  if (output === '') return;
  switch (format) {
    case 'json':
      expect(() => {
        JSON.parse(output);
      }).not.toThrow();
      break;
    case 'sarif':
      expect(() => SarifLog.parse(JSON.parse(output))).not.toThrow();
      break;
    case 'junit':
      parseXml(output);
      break;
    case 'html':
      expect(output).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
      // Data is text: no element it could smuggle in, no link or source to a script (the words themselves may show).
      expect(output).not.toMatch(/<script|<img|<iframe|(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
      break;
    case 'ics':
      expect(output.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(output.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
      break;
  }
}

describe('fuzz: the CLI end to end', () => {
  it(
    'answers every generated school folder with an exit code and clean, well-formed output in every format',
    async () => {
      await fuzz('cli', CASE, async (input, tally, index) => {
        writeFileSync(join(folder, 'pack.yaml'), input.pack);
        writeFileSync(join(folder, 'old.yaml'), PACKS[input.old]!);
        writeFileSync(join(folder, 'calendar.yaml'), input.calendar);
        writeFileSync(join(folder, 'data.ndjson'), input.data);
        const { command, format } = input.invocation;
        const argv = [
          command,
          ...(command === 'diff' ? ['old.yaml'] : []),
          'pack.yaml',
          ...(command === 'audit'
            ? ['--data', 'data.ndjson', '--calendar', 'calendar.yaml', '--as-of', '2024-09-01', '--threads', '1']
            : []),
          ...(command === 'timeline' ? ['--calendar', 'calendar.yaml'] : []),
          '--format',
          format,
          '--lang',
          input.lang,
        ];
        const result = await run(argv);
        tally(`${command} ${format} exit ${result.code}`);
        expect([0, 1, 2], result.stderr).toContain(result.code);
        expect(result.stderr, 'a stack trace').not.toMatch(/\n\s+at .+[(:]\d+/);
        expect(result.stderr, 'an internal error').not.toMatch(/internal error|PR9020/);
        expect(result.stdout, 'an internal error').not.toMatch(/PR9020/);
        // iCalendar ends its lines with CRLF (RFC 5545); anywhere else a CR is raw.
        const text = format === 'ics' ? result.stdout.replace(/\r\n/g, '\n') : result.stdout;
        const raw = RAW_CONTROL.exec(text) ?? RAW_CONTROL.exec(result.stderr);
        expect(raw, `a raw control character U+${raw?.[0].codePointAt(0)?.toString(16)}`).toBeNull();
        expectFormat(format, result.stdout);
        if (format === 'json' && command === 'audit' && result.stdout !== '') {
          rejectedErrors = 0;
          tally(`intakes ${expectIntakesAddUp(JSON.parse(result.stdout))}`);
          // No pass while a line was rejected at error level.
          if (rejectedErrors > 0) expect(result.code).not.toBe(0);
        }
        if (repeats(index)) expect(await run(argv)).toEqual(result);
      });
    },
    TARGET_TIMEOUT_MS,
  );
});
