import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCalendar, parseRecord } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { run } from './run';

const MAGONG = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));

describe('portfolio-rules sample', () => {
  it('writes NDJSON to stdout and the injected violations as JSON to stderr, exit 0', async () => {
    const result = await run(['sample', '--pack', MAGONG, '--students', '40', '--seed', '7', '--violations', '0.5']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.every((line, index) => parseRecord(line, index + 1).ok)).toBe(true);
    const report = JSON.parse(result.stderr) as {
      lines: number;
      students: number;
      year: number;
      violationsTotal: number;
      records: Record<string, number>;
    };
    expect(report).toMatchObject({ lines: lines.length, students: 40, year: 112, records: { student: 40 } });
    expect(report.violationsTotal).toBeGreaterThan(0);
    const again = await run(['sample', '--pack', MAGONG, '--students', '40', '--seed', '7', '--violations', '0.5']);
    expect(again.stdout).toBe(result.stdout);
  });

  it('needs --pack, and checks its numbers (exit 2, PR9003 / PR9004)', async () => {
    expect(await run(['sample'])).toMatchObject({ code: 2, stdout: '' });
    expect((await run(['sample'])).stderr).toContain('PR9003');
    const bad = await run(['sample', '--pack', MAGONG, '--violations', '1.5', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PR9004');
    expect(bad.stderr).toContain('--violations');
    expect((await run(['sample', '--pack', MAGONG, '--students', '2', '--schools', '3'])).code).toBe(2);
  });

  it('refuses a pack with errors (exit 1, as every command) and a missing pack file (PR9005, exit 2)', async () => {
    const malformed = await run(['sample', '--pack', 'malformed.yaml']);
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toBe('');
    expect(malformed.stderr).toMatch(/PR1\d{3}/);
    // The same pack gives the same exit code to every command that needs a pack.
    for (const args of [
      ['validate', 'malformed.yaml'],
      ['explain', 'malformed.yaml'],
      ['render', 'malformed.yaml'],
    ])
      expect((await run(args)).code, args[0]).toBe(1);
    const missing = await run(['sample', '--pack', 'no-such.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('PR9005');
  });

  it('--calendar writes the days it used; audit --calendar --as-of <asOf> then finds late and overdue certifications as injected', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sample-'));
    const result = await run([
      'sample',
      '--pack',
      MAGONG,
      '--students',
      '300',
      '--seed',
      '3',
      '--violations',
      '0.3',
      '--calendar',
      join(directory, 'calendars'),
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(directory, 'calendars')).sort()).toEqual(['110.yaml', '111.yaml', '112.yaml']);
    const parsed = parseCalendar(readFileSync(join(directory, 'calendars', '112.yaml'), 'utf8'), { file: '112.yaml' });
    expect(parsed.findings).toEqual([]);
    expect(parsed.calendar?.terms[0]?.anchors.closingCeremony).toBe('2024-01-20');
    const report = JSON.parse(result.stderr) as { asOf: string; violations: Record<string, number> };
    expect(report.asOf).toBe('2024-11-30');
    writeFileSync(join(directory, 'data.ndjson'), result.stdout);
    const audit = await run([
      'audit',
      MAGONG,
      '--data',
      join(directory, 'data.ndjson'),
      '--calendar',
      join(directory, 'calendars'),
      '--as-of',
      report.asOf,
      '--format',
      'json',
    ]);
    const findings = (
      JSON.parse(audit.stdout) as { audit: { findings: { code: string; data: Record<string, unknown> }[] } }
    ).audit.findings;
    const count = (code: string) => findings.filter((finding) => finding.code === code).length;
    expect(report.violations.lateCertification).toBeGreaterThan(0);
    expect(report.violations.overdueCertification).toBeGreaterThan(0);
    expect(
      findings.filter((finding) => finding.code === 'PR6003' && finding.data.activity === 'courseOutcomeCertification')
        .length,
    ).toBe(report.violations.lateCertification);
    expect(count('PR7800')).toBe(report.violations.overdueCertification);
    expect(count('PR7801')).toBe(0);
  });

  it('reports a --calendar folder it cannot write as PR9011, exit 2, before writing any data', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sample-'));
    writeFileSync(join(directory, 'calendars'), 'a file where the folder should be');
    const result = await run([
      'sample',
      '--pack',
      MAGONG,
      '--students',
      '10',
      '--calendar',
      join(directory, 'calendars'),
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PR9011');
  });

  it('refuses to write a calendar over the pack it reads (PR9013, exit 2), and leaves the pack whole', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sample-'));
    mkdirSync(join(directory, 'calendars'));
    const pack = join(directory, 'calendars', '112.yaml');
    writeFileSync(pack, readFileSync(MAGONG));
    const result = await run([
      'sample',
      '--pack',
      pack,
      '--students',
      '10',
      '--calendar',
      join(directory, 'calendars'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PR9013');
    expect(readFileSync(pack, 'utf8')).toBe(readFileSync(MAGONG, 'utf8'));
    expect(readdirSync(join(directory, 'calendars'))).toEqual(['112.yaml']);
  });
});
