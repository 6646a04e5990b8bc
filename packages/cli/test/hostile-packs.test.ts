import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../src/formatters/json';
import { COMPLETE_SECTIONS } from './complete-sections';
import { parseJson } from './json';
import { SarifLog } from './report-sarif-schema';

// Packs written to break the loader, validated by the BUILT binary in a folder outside the
// repository: each gets a finding with its code, never an internal error, a stack trace or an
// unbounded echo; one bad file never hides the others.

const BIN = fileURLToPath(new URL('../bin/portfolio-rules.js', import.meta.url));
const BUILT = ['../dist/main.js', '../../core/dist/index.js'].every((path) =>
  existsSync(fileURLToPath(new URL(path, import.meta.url))),
);
const HEAD = 'id: hostile\nname: 測試規定\ndocument: 測試補充規定\n';

let folder = '';
const write = (name: string, content: string | Buffer) => writeFileSync(join(folder, name), content);
const validate = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, 'validate', ...args], {
    cwd: folder,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(() => {
  if (!BUILT) return;
  folder = mkdtempSync(join(tmpdir(), 'portfolio-rules-hostile-'));
  write('constructor.yaml', `${HEAD}extends: constructor\n`);
  write('proto.yaml', `${HEAD}extends: __proto__\n`);
  write(
    'loosening.yaml',
    `${HEAD}caps: { diversePerformance: { select: { max: 20, per: academicYear } } }\n${COMPLETE_SECTIONS}`,
  );
  write('alias-key.yaml', `${HEAD}version: &k constructor\nunits: { *k : { name: 教務處 } }\n`);
  write('deep.yaml', `${HEAD}notes: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
  write('tags.yaml', `${HEAD}school: !!binary 5ris6Kmm\nversion: !!timestamp 2001-12-14\n`);
  write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEAD}school: 馬公\n`, 'utf16le')]));
  write('long-line.yaml', `${HEAD}school: ${'x'.repeat(50 * 1024 * 1024)}\n`);
  write('long-value.yaml', `${HEAD}appliesFrom: "${'9'.repeat(400_000)}"\n`);
  let when: unknown = { '!!': 1 };
  for (let level = 0; level < 5; level++) when = { all: [Array.from({ length: 36 }, (_, index) => index), when] };
  write(
    'costly.yaml',
    `${HEAD}rules:\n  - { id: costly, when: ${JSON.stringify(when)}, message: { zh-TW: x, en: x } }\n`,
  );
  write(
    'rules-5000.yaml',
    `${HEAD}${COMPLETE_SECTIONS}rules:\n${Array.from(
      { length: 5_000 },
      (_, index) =>
        `  - { id: r${index}, when: { "==": [{ var: student.grade }, 1] }, message: { zh-TW: 訊息, en: m } }\n`,
    ).join('')}`,
  );
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!BUILT)('hostile packs through the built binary (skipped unless built)', () => {
  it('reports `extends: constructor` and `__proto__` as unknown layers, and still reports the other files (SARIF)', () => {
    const { code, stdout, stderr } = validate(
      'constructor.yaml',
      'proto.yaml',
      'loosening.yaml',
      '--format',
      'sarif',
      '--lang',
      'en',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const results = SarifLog.parse(JSON.parse(stdout)).runs[0]!.results;
    expect(
      results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation.artifactLocation.uri]).sort(),
    ).toEqual([
      ['PR2001', 'constructor.yaml'],
      ['PR2001', 'proto.yaml'],
      ['PR2002', 'loosening.yaml'],
    ]);
  });

  it.each([
    ['alias-key.yaml', 'PR1010'],
    ['deep.yaml', 'PR1013'],
    ['tags.yaml', 'PR1015'],
    ['utf16.yaml', 'PR1016'],
    ['costly.yaml', 'PR1027'],
  ])('gives %s its code (%s), exit 1, no internal error', (file, expected) => {
    const { code, stdout, stderr } = validate(file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const codes = new Set(parseJson<JsonReport>(stdout).files[0]?.findings.map((finding) => finding.code));
    expect([...codes]).toEqual([expected]);
  });

  it('prints a line of report for a 50 MB line, not 50 MB (PR1012)', () => {
    const { code, stdout } = validate('long-line.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain('PR1012');
    expect(stdout.length).toBeLessThan(2_000);
  });

  it('echoes a 400 KB malformed value in at most 200 characters, with an ellipsis (PR1008)', () => {
    const { code, stdout } = validate('long-value.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain('PR1008');
    expect(stdout).toMatch(/9{150,199}…/);
    expect(stdout.length).toBeLessThan(2_000);
  });

  it('validates 5,000 custom rules', { timeout: 60_000 }, () => {
    const { code, stdout } = validate('rules-5000.yaml');
    expect(stdout).toContain('✔ 1 個規定檔，沒有問題');
    expect(code).toBe(0);
  });
});
