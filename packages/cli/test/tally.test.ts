import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './run';

// One tally everywhere: the errors, warnings and infos of an audit — its findings, the problems of
// its inputs and every rejected line — are the same in every report format, and decide the exit code.

const PACK = join(FIXTURES, 'audit', 'pack.yaml');
const STUDENT = JSON.stringify({ type: 'student', id: 's1', grade: 2, class: '201' });

interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

async function tallies(
  data: string,
  cwd: string,
): Promise<{ code: number; tallies: Record<'stylish' | 'json' | 'sarif' | 'junit' | 'html', Tally> }> {
  const audit = (format: string) =>
    run(['audit', PACK, '--data', data, '--as-of', '2024-08-01', '--format', format, '--lang', 'en'], { cwd });
  const stylish = await audit('stylish');
  const [, errors, warnings, infos] = /(\d+) errors?, (\d+) warnings?, (\d+) infos?\s*$/.exec(stylish.stdout)!;
  const json = JSON.parse((await audit('json')).stdout) as { summary: Tally & { exitCode: number } };
  const sarif = JSON.parse((await audit('sarif')).stdout) as {
    runs: { results: { level: string; properties: { data: { unlisted?: number } } }[] }[];
  };
  const sarifCount = (level: string) =>
    sarif.runs[0]!.results.filter((result) => result.level === level).reduce(
      (sum, result) => sum + (result.properties.data.unlisted ?? 1),
      0,
    );
  const junit = (await audit('junit')).stdout;
  const html = (await audit('html')).stdout;
  const card = (severity: string) =>
    [...html.matchAll(new RegExp(`<div class="card ${severity}"><span class="number">([\\d,]+)</span>`, 'g'))].reduce(
      (sum, match) => sum + Number(match[1]!.replace(/,/g, '')),
      0,
    );
  return {
    code: stylish.code,
    tallies: {
      stylish: { errors: Number(errors), warnings: Number(warnings), infos: Number(infos) },
      json: { errors: json.summary.errors, warnings: json.summary.warnings, infos: json.summary.infos },
      sarif: { errors: sarifCount('error'), warnings: sarifCount('warning'), infos: sarifCount('note') },
      junit: {
        errors: Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)![1]),
        warnings: json.summary.warnings,
        infos: json.summary.infos,
      },
      html: { errors: card('error'), warnings: card('warning'), infos: card('info') },
    },
  };
}

describe('one tally everywhere', () => {
  it('counts a rejected line as an error in every format, and fails the audit with exit 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pr-tally-'));
    writeFileSync(join(folder, 'data.ndjson'), `${STUDENT}\n{"type":"student","id":\n`);
    const { code, tallies: all } = await tallies('data.ndjson', folder);
    expect(code).toBe(1);
    const expected = all.json;
    expect(expected.errors).toBeGreaterThanOrEqual(1);
    for (const [format, tally] of Object.entries(all)) expect(tally, format).toEqual(expected);
    const stylish = await run(['audit', PACK, '--data', 'data.ndjson', '--as-of', '2024-08-01', '--lang', 'en'], {
      cwd: folder,
    });
    expect(stylish.stdout).toContain('read 2 = checked 1 + rejected 1');
    expect(stylish.stdout).not.toContain('✔');
  });

  it('counts the problems of the inputs (a file not read) in SARIF, JUnit and HTML too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pr-tally-'));
    mkdirSync(join(folder, 'data'));
    writeFileSync(join(folder, 'data', 'data.ndjson'), `${STUDENT}\n`);
    writeFileSync(join(folder, 'data', 'notes.txt'), 'x');
    const { tallies: all } = await tallies('data', folder);
    expect(all.json.warnings).toBeGreaterThanOrEqual(1);
    for (const [format, tally] of Object.entries(all)) expect(tally, format).toEqual(all.json);
  });

  it('counts every rejected line, also beyond the 10,000 listed', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pr-tally-'));
    const lines = [STUDENT, ...Array.from({ length: 10_003 }, () => 'not json'), '', ''];
    writeFileSync(join(folder, 'data.ndjson'), `${lines.join('\n')}\n`);
    const { code, tallies: all } = await tallies('data.ndjson', folder);
    expect(code).toBe(1);
    expect(all.json.errors).toBeGreaterThanOrEqual(10_003);
    expect(all.json.warnings).toBeGreaterThanOrEqual(2);
    for (const [format, tally] of Object.entries(all)) expect(tally, format).toEqual(all.json);
  });
});
