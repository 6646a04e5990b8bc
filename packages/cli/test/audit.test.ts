import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_CODES } from '../src/codes';
import { SarifLog } from './report-sarif-schema';
import { parseAuditJson } from './json';
import { parseXml } from './report-xml';
import { FIXTURES, run, stableJson } from './run';

const AS_OF = ['--as-of', '2024-08-01'];
const CALENDAR = ['--calendar', 'audit/calendar-112.yaml'];

describe('portfolio-rules audit', () => {
  it("without data: the pack's own findings plus completeness (no owner, no working group …), exit 1", async () => {
    const result = await run(['audit', 'caps-only.yaml', ...AS_OF, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PR5002');
    expect(result.stdout).toContain('PR7510');
    expect(result.stdout).not.toContain('read ');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/audit-pack-only.txt');
  });

  it('without data, on a complete pack: no problems, exit 0', async () => {
    const result = await run(['audit', 'audit/pack.yaml', ...AS_OF, '--lang', 'en']);
    expect([result.code, result.stdout]).toEqual([0, '✔ no problems\n']);
  });

  it('clean data: statistics and the accounting line, exit 0', async () => {
    const result = await run([
      'audit',
      'audit/pack.yaml',
      '--data',
      'audit/clean.ndjson',
      ...AS_OF,
      ...CALENDAR,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('read 6 = checked 6 + rejected 0');
  });

  it('data with violations: each finding with its clause and line, the statistics per grade and class, exit 1 (stylish, zh-TW and en)', async () => {
    for (const lang of ['zh-TW', 'en'] as const) {
      const result = await run([
        'audit',
        'audit/pack.yaml',
        '--data',
        'audit/data.ndjson',
        ...AS_OF,
        ...CALENDAR,
        '--lang',
        lang,
      ]);
      expect(result.code).toBe(1);
      await expect(result.transcript).toMatchFileSnapshot(`__snapshots__/audit-data-${lang}.txt`);
    }
  });

  it('--format json: the envelope with the audit section (findings, intake, statistics)', async () => {
    const result = await run([
      'audit',
      'audit/pack.yaml',
      '--data',
      'audit/data.ndjson',
      ...AS_OF,
      ...CALENDAR,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const output = parseAuditJson(result.stdout);
    expect(output).toMatchObject({
      version: 1,
      command: 'audit',
      file: 'audit/pack.yaml',
      summary: { errors: 8, warnings: 2, infos: 0, exitCode: 1 },
    });
    expect(output.audit.intake).toMatchObject({ read: 14, checked: 14, rejected: 0 });
    expect(output.audit.statistics.byClass['201']).toMatchObject({ students: 1, courseOutcomes: 3 });
    expect(output.audit.findings.map((finding: { code: string }) => finding.code)).toEqual([
      'PR3001',
      'PR4002',
      'PR4003',
      'PR4010',
      'PR7001',
      'PR7010',
      'PR7012',
      'PR7521',
      'PR7800',
      'PR7800',
    ]);
    await expect(stableJson(result.stdout)).toMatchFileSnapshot('__snapshots__/audit-data.json');
  });

  it('a corrupt dataset: every line accounted for, read = checked + rejected, rejected lines listed with line numbers and reasons', async () => {
    const result = await run([
      'audit',
      'audit/pack.yaml',
      '--data',
      'dataset/corrupt.ndjson',
      ...AS_OF,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('read 8 = checked 2 + rejected 6');
    for (const line of [2, 3, 4, 6, 7, 8])
      expect(result.stdout).toMatch(new RegExp(`dataset/corrupt\\.ndjson:${line}  PR80`));
    const json = parseAuditJson(
      (await run(['audit', 'audit/pack.yaml', '--data', 'dataset/corrupt.ndjson', ...AS_OF, '--format', 'json']))
        .stdout,
    );
    const { read, checked, rejected, rejections } = json.audit.intake;
    expect(read).toBe(checked + rejected);
    expect(rejections.map((rejection: { line: number }) => rejection.line)).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it('a CSV folder is read through the same intake', async () => {
    const result = await run(['audit', 'audit/pack.yaml', '--data', 'dataset/csv-folder', ...AS_OF, '--lang', 'en']);
    expect(result.stdout).toMatch(/read (\d+) = checked (\d+) \+ rejected (\d+)/);
    const [, read, checked, rejected] = /read (\d+) = checked (\d+) \+ rejected (\d+)/.exec(result.stdout)!.map(Number);
    expect(read).toBe(checked! + rejected!);
  });

  it('several schools: each audited on its own, findings named by school, statistics added up, classes by school', async () => {
    const result = await run([
      'audit',
      'audit/pack.yaml',
      '--data',
      'audit/schools.ndjson',
      ...AS_OF,
      '--format',
      'json',
    ]);
    const output = parseAuditJson(result.stdout);
    expect(output.audit.schools?.map((school) => school.school)).toEqual(['S01', 'S02']);
    expect(
      output.audit.findings
        .filter((finding: { code: string }) => finding.code === 'PR3001')
        .map((finding: { subject: string }) => finding.subject),
    ).toEqual(['S01/S01-s1', 'S02/S02-s1']);
    expect(Object.keys(output.audit.statistics.byClass)).toEqual(['S01/201', 'S02/201']);
    expect(output.audit.statistics.school.students).toBe(2);
  });

  it('--evidence adds the governance log: a training recorded there satisfies the yearly training rule', async () => {
    const args = ['audit', 'audit/pack.yaml', '--data', 'audit/data.ndjson', ...AS_OF, ...CALENDAR, '--format', 'json'];
    const codes = async (extra: string[]) =>
      parseAuditJson((await run([...args, ...extra])).stdout).audit.findings.map(
        (finding: { code: string }) => finding.code,
      );
    expect(await codes([])).toContain('PR7521');
    expect(await codes(['--evidence', 'audit/evidence.ndjson'])).not.toContain('PR7521');
  });

  it('--evidence: records that are not evidence are reported once per type (PR9014, a warning), and the audit goes on', async () => {
    const args = ['audit', 'audit/pack.yaml', '--data', 'audit/data.ndjson', ...AS_OF, ...CALENDAR, '--format', 'json'];
    const alone = await run(args);
    // The data file given as the evidence log: its two meetings are taken, the other records named and left out.
    const mixed = await run([...args, '--evidence', 'audit/data.ndjson']);
    expect(mixed.code).toBe(alone.code);
    const output = parseAuditJson(mixed.stdout);
    const notEvidence = output.inputFindings.filter((finding: { code: string }) => finding.code === 'PR9014');
    expect(
      notEvidence.map(({ severity, data }) => `${String(data.type)} ${String(data.count)} ${severity}`).sort(),
    ).toEqual(
      [
        'student 2 warning',
        'courseOutcome 4 warning',
        'certificationEvent 1 warning',
        'diversePerformance 1 warning',
        'consultation 1 warning',
        'submission 2 warning',
        'receipt 1 warning',
      ].sort(),
    );
    expect(output.audit.findings.length).toBeGreaterThan(0);
    // A log with no meeting or training at all is evidence of nothing: PR9012, exit 2.
    const folder = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(folder, 'students.ndjson'), '{"type":"student","id":"s9","grade":1}\n');
    const none = await run([...args, '--evidence', join(folder, 'students.ndjson')]);
    expect(none.code).toBe(2);
    expect(none.stdout + none.stderr).toContain('PR9012');
    expect(none.stdout + none.stderr).toContain('PR9014');
  });

  it('--evidence: a repeated line or a blank one is a warning, a bad line an error with its own code', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'audit-'));
    const line = readFileSync(join(FIXTURES, 'audit/evidence.ndjson'), 'utf8').trim();
    const evidence = (name: string, lines: readonly string[]) => {
      writeFileSync(join(folder, name), lines.join('\n') + '\n');
      return join(folder, name);
    };
    const args = ['audit', 'audit/pack.yaml', '--data', 'audit/data.ndjson', ...AS_OF, ...CALENDAR, '--format', 'json'];
    const repeated = await run([...args, '--evidence', evidence('repeated.ndjson', [line, line, ''])]);
    expect(repeated.code).not.toBe(2);
    const output = parseAuditJson(repeated.stdout);
    const codes = (list: readonly { code: string; severity: string }[]) =>
      list.map(({ code, severity }) => `${code} ${severity}`);
    expect(codes(output.inputFindings)).toEqual(['PR8021 warning', 'PR8009 warning']);
    expect(codes(output.audit.findings)).not.toContain('PR7521 error');
    const bad = await run([
      ...args,
      '--evidence',
      evidence('bad.ndjson', [line, line.replace('2023-10-05', '2023-13-05')]),
    ]);
    // The bad line is an error at its line (exit 1); the good one is taken and the audit goes on.
    expect(bad.code).toBe(1);
    const audited = parseAuditJson(bad.stdout);
    expect(codes(audited.inputFindings)).toEqual(['PR8008 error']);
    expect(audited.inputFindings[0]?.position?.line).toBe(2);
    expect(codes(audited.audit.findings)).not.toContain('PR7521 error');
  });

  it('exit 2 for a bad --as-of, an unreadable pack or data file, an invalid calendar', async () => {
    expect((await run(['audit', 'audit/pack.yaml', '--as-of', '2024-02-30'])).code).toBe(2);
    expect((await run(['audit', 'missing.yaml', ...AS_OF])).code).toBe(2);
    expect((await run(['audit', 'audit/pack.yaml', '--data', 'missing.ndjson', ...AS_OF])).code).toBe(2);
    expect(
      (
        await run([
          'audit',
          'audit/pack.yaml',
          '--data',
          'audit/data.ndjson',
          '--calendar',
          'audit/pack.yaml',
          ...AS_OF,
        ])
      ).code,
    ).toBe(2);
  });

  it('--evidence without --data still judges the evidence: a semester without a meeting is PR7520', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'audit-'));
    const evidence = join(folder, 'evidence.ndjson');
    writeFileSync(evidence, '{"type":"meeting","date":"2023-09-01"}\n');
    const result = await run([
      'audit',
      'audit/pack.yaml',
      '--evidence',
      evidence,
      '--as-of',
      '2024-07-31',
      '--format',
      'json',
    ]);
    const findings = (JSON.parse(result.stdout) as { audit: { findings: { code: string; subject: string }[] } }).audit
      .findings;
    expect(findings.filter((finding) => finding.code === 'PR7520').map((finding) => finding.subject)).toEqual([
      '11202',
    ]);
    expect(result.code).toBe(1);
  });

  it('--output writes the report to a file; sarif, html and junit render the same audit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'audit-'));
    const file = join(folder, 'report.html');
    const result = await run([
      'audit',
      'audit/pack.yaml',
      '--data',
      'audit/data.ndjson',
      ...AS_OF,
      ...CALENDAR,
      '--format',
      'html',
      '--output',
      file,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const audit = async (format: string) =>
      (
        await run([
          'audit',
          'audit/pack.yaml',
          '--data',
          'audit/data.ndjson',
          ...AS_OF,
          ...CALENDAR,
          '--format',
          format,
        ])
      ).stdout;
    const sarif = SarifLog.parse(JSON.parse(await audit('sarif')));
    expect(sarif.runs[0]!.results.length).toBeGreaterThanOrEqual(10);
    expect(await audit('junit')).toContain('<testsuites');
  });

  it('--output writes the JSON and SARIF reports byte for byte as stdout shows them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'audit-'));
    for (const format of ['json', 'sarif']) {
      const args = [
        'audit',
        'audit/pack.yaml',
        '--data',
        'audit/data.ndjson',
        ...AS_OF,
        ...CALENDAR,
        '--format',
        format,
      ];
      const file = join(folder, `report.${format}`);
      const written = await run([...args, '-o', file]);
      expect(written.stdout).toBe('');
      expect(written.stderr).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe((await run(args)).stdout);
    }
  });

  // Found by the fuzz harness (bench/fuzz): with nothing audited, every format but JSON printed text, on stdout even with -o.
  it('writes a pack that does not load in the format asked for, where the report was to go', async () => {
    const args = ['audit', 'malformed.yaml', ...AS_OF, '--lang', 'en', '--format'];
    const sarif = await run([...args, 'sarif']);
    expect(sarif.code).toBe(1);
    expect(SarifLog.parse(JSON.parse(sarif.stdout)).runs[0]!.results.map((result) => result.ruleId)).toContain(
      'PR1001',
    );
    const junit = await run([...args, 'junit']);
    expect(parseXml(junit.stdout).name).toBe('testsuites');
    expect(junit.stdout).toContain('PR1001');
    const html = await run([...args, 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(html.stdout).toContain('Content-Security-Policy');
    expect(html.stdout).toContain('PR1001');
    const file = join(mkdtempSync(join(tmpdir(), 'audit-')), 'report.sarif');
    const written = await run([...args, 'sarif', '-o', file]);
    expect(written).toMatchObject({ code: 1, stdout: '' });
    expect(readFileSync(file, 'utf8')).toBe(sarif.stdout);
  });

  it('exit 2 with PR9011, not a stack trace, when --output cannot be written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'audit-'));
    for (const file of [join(folder, 'missing', 'report.json'), folder]) {
      const result = await run([
        'audit',
        'audit/pack.yaml',
        '--data',
        'audit/data.ndjson',
        ...AS_OF,
        '--format',
        'json',
        '-o',
        file,
        '--lang',
        'en',
      ]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('PR9011');
      expect(result.stderr).toContain(file === folder ? 'it is a folder, not a file' : 'no such folder');
    }
  });
});

describe('docs/reference/audit.md', () => {
  it('names only codes of the catalogue or the CLI, and every code the audit defines', async () => {
    const { CATALOGUE, AUDIT_CODES } = await import('@portfolio-rules/core/internal');
    const text = readFileSync(new URL('../../../docs/reference/audit.md', import.meta.url), 'utf8');
    const named = new Set(text.match(/PR\d{4}/g));
    const cli = new Set<string>(Object.values(CLI_CODES).map((spec) => spec.code));
    for (const code of named) expect.soft(code in CATALOGUE || cli.has(code), code).toBe(true);
    for (const spec of Object.values(AUDIT_CODES)) expect(named.has(spec.code), spec.code).toBe(true);
  });
});
