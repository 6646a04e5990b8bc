import { fileURLToPath } from 'node:url';
import { parseRecord } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { run } from './run';

const MAGONG = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));

describe('portfolio-rules sample', () => {
  it('writes NDJSON to stdout and the injected violations as JSON to stderr, exit 0', async () => {
    const result = await run(['sample', '--pack', MAGONG, '--students', '40', '--seed', '7', '--violations', '0.5']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.every((line, index) => parseRecord(line, index + 1).ok)).toBe(true);
    const report = JSON.parse(result.stderr) as { lines: number; students: number; year: number; violationsTotal: number; records: Record<string, number> };
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

  it('refuses a pack with errors (exit 2) and a missing pack file (PR9005)', async () => {
    expect((await run(['sample', '--pack', 'malformed.yaml'])).code).toBe(2);
    const missing = await run(['sample', '--pack', 'no-such.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('PR9005');
  });
});
