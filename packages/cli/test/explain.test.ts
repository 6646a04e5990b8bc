import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, run } from './run';

describe('portfolio-rules explain', () => {
  it('lists every value of the effective pack with its layer and clause', async () => {
    const result = await run(['explain', 'valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/caps\.courseOutcome\.upload\.max +6 +school:demo +示範補充規定 五\(三\)1\n/);
    expect(result.stdout).toMatch(/receipts\.confirmationDays +3 +national@2022-08-01 +學習歷程檔案QA 一\(十\)\n/);
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/explain-valid.txt');
  });

  it('filters by a key prefix and shows the national bound under the value it binds', async () => {
    const result = await run(['explain', 'valid.yaml', 'caps.diversePerformance', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('caps.courseOutcome');
    expect(result.stdout).toContain('↳ national maximum 10 per academic year (作業要點 多元表現勾選件數)');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/explain-key-en.txt');
  });

  it('takes the national version in force in --term: before the reform, 3 course outcomes per semester', async () => {
    const pack = await run(['explain', 'overlay-until.yaml', 'caps.courseOutcome.select', '--term', '110-2']);
    expect(pack.code).toBe(0);
    expect(pack.stdout).toContain('national@2019-08-01');
    expect(pack.stdout).toMatch(/caps\.courseOutcome\.select\.max +3 +national@2019-08-01/);
    const later = await run(['explain', 'overlay-until.yaml', 'caps.courseOutcome.select', '--term', '11201']);
    expect(later.stdout).toMatch(/caps\.courseOutcome\.select\.max +6 +national@2022-08-01/);
  });

  it("shows values an overlay sets with the overlay's layer and clause", async () => {
    const result = await run(['explain', 'overlay-until.yaml', 'receipts']);
    expect(result.stdout).toMatch(/receipts\.confirmationDays +5 +overlay:demo-city +示範市規定 三\n/);
    expect(result.stdout).toContain('national@2022-08-01 → overlay:demo-city → school:overlay-until');
  });

  it('shows a declared role in words under its values, in both languages', async () => {
    const pack = join(FIXTURES, '../../../../schools/_example-platform/pack.yaml');
    const zh = await run(['explain', pack, 'roles.cadreRoster']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('↳ 宣告之角色「幹部經歷名冊提交人員」：提交至中央資料庫 (限幹部)\n');
    const en = await run(['explain', pack, 'roles.cadreRoster', '--lang', 'en']);
    expect(en.stdout).toContain(
      '↳ declared role cadre roster submitter: submitting to the central database (cadre records only)\n',
    );
    const json = await run(['explain', pack, 'roles.cadreRoster', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { entries: { words?: unknown }[] }).entries[0]?.words).toEqual({
      'zh-TW': '宣告之角色「幹部經歷名冊提交人員」：提交至中央資料庫 (限幹部)',
      en: 'declared role cadre roster submitter: submitting to the central database (cadre records only)',
    });
  });

  it("reports a term outside the pack's period (PR2007), exit 1", async () => {
    const result = await run(['explain', 'valid.yaml', '--term', '11102']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PR2007');
  });

  it('shows a loosened value and the finding about it, exit 1', async () => {
    const result = await run(['explain', 'loosening.yaml', 'caps']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /caps\.diversePerformance\.select\.max +12 +school:loose +寬鬆補充規定 六\(一\)\n +↳ 全國上限 10 每學年/,
    );
    expect(result.stdout).toContain('PR2002');
  });

  it('suggests a key for an unknown one (PR9007) and refuses a malformed term (PR9004), exit 2', async () => {
    const key = await run(['explain', 'valid.yaml', 'caps.courseOutcome.uplaod']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('PR9007');
    expect(key.stderr).toContain('您是否要輸入「caps.courseOutcome.upload」');
    const term = await run(['explain', 'valid.yaml', '--term', '112-3']);
    expect(term.code).toBe(2);
    expect(term.stderr).toContain('PR9004');
  });

  it('prints the load findings when the pack cannot be layered, exit 1', async () => {
    const result = await run(['explain', 'typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PR1003');
  });

  // Found by the fuzz harness (bench/fuzz): `--format json` printed the findings as text on stdout.
  it('keeps stdout for JSON: a pack that cannot be layered has its findings on stderr, exit 1', async () => {
    const result = await run(['explain', 'typo.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PR1003');
  });
});
