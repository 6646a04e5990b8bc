import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAuditJson } from './json';

const BIN = fileURLToPath(new URL('../bin/portfolio-rules.js', import.meta.url));
const MAGONG = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));
// Worker threads run the built worker (dist/audit-worker.js) on the built core: both must be built (`pnpm build`).
const BUILT = ['../dist/main.js', '../dist/audit-worker.js', '../../core/dist/index.js'].every((path) =>
  existsSync(fileURLToPath(new URL(path, import.meta.url))),
);

const cli = (args: string[]) => {
  try {
    return {
      code: 0,
      stdout: execFileSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, stdout: failed.stdout };
  }
};

/** Three schools' sample with corrupt lines spliced in (bad JSON, blank, unknown type, missing field, no school, CRLF), plus `extra` lines. */
function data(extra: readonly string[] = []): string {
  const lines = cli([
    'sample',
    '--pack',
    MAGONG,
    '--students',
    '900',
    '--schools',
    '3',
    '--seed',
    '5',
    '--violations',
    '0.2',
  ])
    .stdout.trimEnd()
    .split('\n');
  const corrupt = [
    '{"type":"student","id":"x1",',
    '',
    '{"type":"studnet","id":"x2","school":"S02"}',
    '{"type":"courseOutcome","id":"x3","school":"S03"}',
    '{"type":"meeting","date":"2023-09-20","body":"workingGroup","term":"11201"}',
    ...extra,
  ];
  corrupt.forEach((line, index) =>
    lines.splice(Math.floor(((index + 1) * lines.length) / (corrupt.length + 1)), 0, line),
  );
  lines[7] += '\r';
  const file = join(mkdtempSync(join(tmpdir(), 'audit-threads-')), 'schools.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('audit on worker threads', { timeout: 180_000 }, () => {
  it.skipIf(!BUILT)(
    'gives the same output on two threads as on one, for three schools with corrupt lines (skipped unless built)',
    () => {
      const args = ['audit', MAGONG, '--data', data(), '--as-of', '2025-08-01'];
      for (const format of ['json', 'stylish', 'sarif']) {
        const single = cli([...args, '--format', format, '--threads', '1']);
        expect(single.code).toBe(1);
        expect(cli([...args, '--format', format, '--threads', '2'])).toEqual(single);
      }
      const json = parseAuditJson(cli([...args, '--format', 'json', '--threads', '2']).stdout);
      expect(json.audit.schools).toHaveLength(4);
      expect(json.audit.intake.rejected).toBe(4);
      expect(json.audit.intake.read).toBe(json.audit.intake.checked + json.audit.intake.rejected);
    },
  );

  it.skipIf(!BUILT)(
    'gives the same output when a line names its school in a way only the parser reads (the audit falls back to one thread)',
    () => {
      const escaped = '{"type":"student","id":"x9","grade":1,"class":"101","school":"S\\u00302"}';
      const args = ['audit', MAGONG, '--data', data([escaped]), '--as-of', '2025-08-01', '--format', 'json'];
      expect(cli([...args, '--threads', '2'])).toEqual(cli([...args, '--threads', '1']));
    },
  );
});
