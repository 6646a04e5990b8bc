import { describe, expect, it } from 'vitest';
import { run } from './run';

describe('portfolio-rules diff', () => {
  it('writes the amendment table in Markdown: one row per changed rule, with the clause of each side', async () => {
    const result = await run(['diff', 'diff-old.yaml', 'diff-new.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| **') || line.startsWith('| (無)'));
    expect(rows).toHaveLength(5);
    expect(result.stdout).toContain('| 修正條文 | 現行條文 | 說明 |');
    expect(result.stdout).toContain('**caps.diversePerformance.upload** (修正補充規定 五(五))<br>`max: 15`');
    expect(result.stdout).toContain('修正：max 20 → 15；條次 五(四) → 五(五)。');
    expect(result.stdout).toContain('修正：deputies \\[equipment] → \\[equipment, specialEducation]。');
    expect(result.stdout).toContain('刪除 notes\\[學期中發放家長通知書並繳回回條]，新增 retention。');
    expect(result.stdout).toContain('~~`owner: studentLife`~~');
    // Reordered windows are no amendment; the new grade-3 window is.
    expect(result.stdout).not.toContain('windows\\[courseOutcomeUpload]');
    expect(result.stdout).toContain('**windows\\[diversePerformanceSelection grades:3]** (修正補充規定 流程表)');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/diff-md.txt');
  });

  it('writes one self-contained HTML page with --format html', async () => {
    const result = await run(['diff', 'diff-old.yaml', 'diff-new.yaml', '--format', 'html', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).not.toMatch(/<(script|link)\b|https?:\/\//);
    expect(result.stdout).toContain(
      '<th>Amended (修正條文)</th><th>Current (現行條文)</th><th>Explanation (說明)</th>',
    );
    expect(result.stdout).toContain('<del><code>text: 學期中發放家長通知書並繳回回條</code></del>');
    expect(result.stdout).toContain('Amended: max 20 → 15; clause 五(四) → 五(五).');
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/diff.html');
  });

  it('says so when nothing changed', async () => {
    const result = await run(['diff', 'valid.yaml', 'valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('兩版規定內容相同，無修正條文。');
    expect(result.stdout).not.toContain('| 修正條文 |');
  });

  it('puts load problems on stderr, never into the table, exit 1', async () => {
    const result = await run(['diff', 'diff-old.yaml', 'typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('typo.yaml:6:5  錯誤  PR1003');
  });

  it('needs two readable files: exit 2', async () => {
    expect((await run(['diff', 'diff-old.yaml'])).stderr).toContain('PR9003');
    const missing = await run(['diff', 'diff-old.yaml', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('PR9005');
  });
});
