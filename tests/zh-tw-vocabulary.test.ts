import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACTIVITIES,
  ANCHORS,
  COMMON_UNITS,
  DIVISIONS,
  DUTIES,
  ENROLMENT_CHANGES,
  PERMISSIONS,
  RECORD_KINDS,
  ROLES,
  SCOPES,
} from '@portfolio-rules/core';
import { beforeAll, describe, expect, it } from 'vitest';

// A reader in Chinese never meets an identifier of the vocabulary (`departmentTeacher`,
// `courseOutcomeCertification`, `registration`): every command, run in zh-TW on every bundled school
// and its generated data, prints names (科內教師, 課程學習成果認證, 註冊組). Left out of the scan, on
// purpose: the lines of a code frame (they quote the pack as written), `explain`'s table of keys and
// values (the pack's settings as the author writes them) and paths of files.
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/portfolio-rules.js');
const built = existsSync(join(root, 'packages/cli/dist/index.js'));
const schools = ['magong', 'hsinchu-vocational', 'pingrong', 'taipei-chenggong', 'vendor-defaults'];
const vocabulary = [
  ...DUTIES,
  ...ROLES,
  ...PERMISSIONS,
  ...SCOPES.filter((scope) => scope !== 'all' && scope !== 'self'),
  ...ACTIVITIES,
  ...ANCHORS,
  ...RECORD_KINDS,
  ...ENROLMENT_CHANGES,
  ...DIVISIONS.filter((division) => division !== 'day'),
  ...Object.keys(COMMON_UNITS),
];
const identifier = new RegExp(`(?<![\\w./:-])(${vocabulary.join('|')})(?![\\w-])`);

function run(args: readonly string[], cwd: string, stdout: 'pipe' | number = 'pipe'): string {
  const result = spawnSync(process.execPath, [bin, ...args, '--lang', 'zh-TW'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', stdout, 'pipe'],
  });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
  return `${result.stdout ?? ''}\n${result.stderr}`;
}

/** The lines a reader reads as text: not a code frame's, not a file's name. */
function prose(output: string): string[] {
  return (
    output
      .split('\n')
      .filter((line) => !/^\s*\d*\s*\|/.test(line))
      // A finding's place comes first on its line: a file's position, or its subject when it has none.
      .map((line) => line.replace(/^\S+(?=\s{2}(?:錯誤|警告|提示)\s{2}PR\d{4})/, ''))
      .map((line) => line.replace(/\S+\.(?:ya?ml|ndjson|csv|html|json)(?::\d+(?::\d+)?)?/g, ''))
  );
}

describe.skipIf(!built)('zh-TW output names the vocabulary in Chinese (skipped unless built)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zh-tw-scan-'));
  beforeAll(() => {
    for (const school of schools) {
      const fd = openSync(join(folder, `${school}.ndjson`), 'w');
      run(
        [
          'sample',
          '--pack',
          join(root, `schools/${school}/pack.yaml`),
          '--students',
          '150',
          '--seed',
          '3',
          '--calendar',
          `${school}-calendars`,
        ],
        folder,
        fd,
      );
      closeSync(fd);
    }
  }, 120_000);

  it.each(schools)('%s: validate, audit, render, timeline and diff', (school) => {
    const pack = join(root, `schools/${school}/pack.yaml`);
    const calendars = join(folder, `${school}-calendars`);
    const calendar = join(calendars, readdirSync(calendars).sort().at(-1)!);
    const outputs = {
      validate: run(['validate', pack], root),
      'audit (pack)': run(['audit', pack], root),
      'audit (data)': run(
        ['audit', pack, '--data', `${school}.ndjson`, '--calendar', calendars, '--as-of', '2024-11-30'],
        folder,
      ),
      render: run(['render', pack], root),
      timeline: run(['timeline', pack, '--calendar', calendar], root),
    };
    const offending = Object.entries(outputs).flatMap(([command, output]) =>
      prose(output)
        .filter((line) => identifier.test(line))
        .map((line) => `${command}: ${line.trim()}`),
    );
    expect([...new Set(offending)]).toEqual([]);
  });

  it('diff of two versions of a pack', () => {
    const versions = join(root, 'schools/hsinchu-vocational/versions');
    const [earlier] = readdirSync(versions).filter((name) => name.endsWith('.yaml'));
    const output = run(['diff', join(versions, earlier!), join(root, 'schools/hsinchu-vocational/pack.yaml')], root);
    expect(prose(output).filter((line) => identifier.test(line))).toEqual([]);
  });
});
