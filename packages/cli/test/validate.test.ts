import { describe, expect, it } from 'vitest';
import { SarifLog } from './report-sarif-schema';
import { run } from './run';

describe('portfolio-rules validate', () => {
  it('passes a valid pack with exit 0', async () => {
    const result = await run(['validate', 'valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ 1 個規定檔，沒有問題');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/validate-valid.txt');
  });

  it('reports a loosened national maximum with both clauses, exit 1', async () => {
    const result = await run(['validate', 'loosening.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('loosening.yaml:9:12');
    expect(result.stdout).toContain('寬鬆補充規定 六(一)');
    expect(result.stdout).toContain('作業要點 多元表現勾選件數');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/validate-loosening.txt');
  });

  it('writes SARIF for code-scanning tools, with the finding at its line and column', async () => {
    const result = await run(['validate', 'loosening.yaml', '--format', 'sarif', '--lang', 'en']);
    expect(result.code).toBe(1);
    const sarif = SarifLog.parse(JSON.parse(result.stdout));
    expect(sarif.version).toBe('2.1.0');
    const [finding] = sarif.runs[0]!.results;
    expect(finding!.ruleId).toBe('PR2002');
    expect(finding!.level).toBe('error');
    expect(finding!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 9, startColumn: 12 });
  });

  it('writes JUnit for CI, a failing test case per error', async () => {
    const result = await run(['validate', 'loosening.yaml', 'valid.yaml', '--format', 'junit']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<\?xml/);
    expect(result.stdout.match(/<testsuite /g)).toHaveLength(2);
    expect(result.stdout.match(/<failure /g)).toHaveLength(1);
    expect(result.stdout).toContain('PR2002');
  });

  it('shows the malformed YAML line with a caret, exit 1', async () => {
    const result = await run(['validate', 'malformed.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PR1001');
    expect(result.stdout).toContain('malformed.yaml:6:13');
    expect(result.stdout).toContain(['  6 |     upload: max: 6', '    |             ^'].join('\n'));
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/validate-malformed.txt');
  });

  it('suggests the key meant for an unknown key, in English with --lang en', async () => {
    const result = await run(['validate', 'typo.yaml', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('typo.yaml:6:5  error  PR1003 unknown-key');
    expect(result.stdout).toContain('unknown key `uplaod` — did you mean `upload`?');
    expect(result.stdout).toContain('✖ 1 error, 0 warnings in 1 pack');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/validate-typo-en.txt');
  });

  it('validates several packs in one run and tallies them', async () => {
    const result = await run(['validate', 'valid.yaml', 'loosening.yaml', 'typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 3 個規定檔中有 2 個錯誤、0 個警告');
  });

  it('layers a school on a registered overlay, still holding it to the national minimum', async () => {
    const result = await run(['validate', 'city-school.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('PR2001');
    expect(result.stdout).toContain('PR2003');
    expect(result.stdout).toContain('示範市立高中補充規定 七(三)');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/validate-overlay.txt');
  });

  it('takes extends only from the fixed registry, suggesting the overlay meant', async () => {
    const result = await run(['validate', 'unknown-extends.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown-extends.yaml:4:10  錯誤  PR2001');
    expect(result.stdout).toContain('您是否要輸入「demo-city」');
  });

  it("runs core's checks of a whole pack: an unknown unit in the duty table, certification without a deputy", async () => {
    const result = await run(['validate', 'duties.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('duties.yaml:12:53  錯誤  PR5012');
    expect(result.stdout).toContain('activites');
    expect(result.stdout).toContain('您是否要輸入「activities」');
    expect(result.stdout).toContain('duties.yaml:13:31  錯誤  PR5013');
    const complete = await run(['validate', 'valid.yaml']);
    expect(complete.stdout).not.toContain('PR50');
  });

  it('reports what `audit` without data reports: one notion of a pack (auditPack)', async () => {
    const validated = await run(['validate', 'caps-only.yaml', '--format', 'json']);
    const audited = await run(['audit', 'caps-only.yaml', '--as-of', '2024-08-01', '--format', 'json']);
    const codes = (stdout: string, read: (json: never) => { code: string; subject: string }[]) =>
      read(JSON.parse(stdout) as never)
        .map((finding) => `${finding.code} ${finding.subject}`)
        .sort();
    const validatedCodes = codes(
      validated.stdout,
      (json: { files: { findings: never[] }[] }) => json.files[0]!.findings,
    );
    expect(validatedCodes).toContain('PR5002 duties.basicData');
    expect(validatedCodes).toContain('PR7510 governance.workingGroup');
    expect(codes(audited.stdout, (json: { audit: { findings: never[] } }) => json.audit.findings)).toEqual(
      validatedCodes,
    );
    expect([validated.code, audited.code]).toEqual([1, 1]);
  });

  it('says so when the overlay a pack extends has errors of its own', async () => {
    const result = await run(['validate', 'broken-overlay-school.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PR9010');
    expect(result.stdout).toContain('regional/broken-city/pack.yaml');
  });

  it('reports a missing file with PR9005 and exit 2, and still checks the other packs', async () => {
    const result = await run(['validate', 'missing.yaml', 'valid.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('missing.yaml  錯誤  PR9005 unreadable-file');
    expect(result.stdout).toContain('無法讀取「missing.yaml」：檔案不存在');
    expect(result.stdout).not.toContain('    at ');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/validate-missing.txt');
  });

  it('refuses an unknown option with exit 2, both messages and a suggestion', async () => {
    const result = await run(['validate', 'valid.yaml', '--formt', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PR9002');
    expect(result.stderr).toContain('您是否要輸入「--format」');
    expect(result.stderr).toContain('did you mean `--format`');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/usage-unknown-option.txt');
  });

  it('refuses a bad --format value and a missing pack argument with exit 2', async () => {
    const format = await run(['validate', 'valid.yaml', '--format', 'jsn']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('PR9004');
    expect(format.stderr).toContain('您是否要輸入「json」');
    const missing = await run(['validate']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('PR9003');
    expect(missing.stderr).toContain('<pack.yaml>');
  });
});
