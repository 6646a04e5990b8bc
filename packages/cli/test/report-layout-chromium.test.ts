import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditResult, FindingBase } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { artefactFolder, chromiumForFile, withPage } from './chromium';
import { formatHtml } from '../src/formatters/html';
import { AUDIT } from './fixtures/audit-result';

// The audit report as a working group meets it, in Debian's headless Chromium driven by
// playwright-core: a school the size of the demo's (57 classes, 21 cap errors, 343 info findings)
// must show its summary and its findings first, not charts and info rows.

const browser = chromiumForFile('portfolio-rules-layout-');

const [, capError, lastSlot] = AUDIT.findings as [FindingBase, FindingBase, FindingBase];
const group = AUDIT.statistics!.byClass['101']!;

const LARGE: AuditResult<FindingBase> = {
  ...AUDIT,
  findings: [
    ...Array.from({ length: 21 }, (_, index) => ({
      ...capError,
      code: 'PR3001',
      subject: `S01-${String(index).padStart(6, '0')}`,
      data: { kind: 'courseOutcome', max: 6, per: 'semester', count: 7, period: '11201' },
    })),
    ...Array.from({ length: 343 }, (_, index) => ({ ...lastSlot, subject: `S02-${String(index).padStart(6, '0')}` })),
  ],
  statistics: {
    ...AUDIT.statistics!,
    byClass: Object.fromEntries(
      Array.from({ length: 57 }, (_, index) => [`${101 + index}`, { ...group, uploadRate: (index % 10) / 10 }]),
    ),
  },
};

describe('the audit report in Chromium, read top-down', () => {
  it('shows the summary, the contents and the first findings in the first screen; info rows and the class chart stay folded until opened', async ({
    skip,
  }) => {
    if (!browser.chromium) return skip(browser.why);
    const file = join(browser.folder, 'large.html');
    writeFileSync(file, formatHtml({ audits: [LARGE] }, { lang: 'zh-TW' }));
    await withPage(browser.chromium, file, { width: 1200, height: 1000 }, async (page, problems) => {
      const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Infinity;
      // Summary first: the accounting line, the counts by rule and the contents, then the findings.
      expect(await page.locator('p.intake').textContent()).toBe('讀取 12 行 = 檢查 10 行 + 退回 2 行');
      expect(await top('#school-1-summary')).toBeLessThan(await top('table.by-rule'));
      expect(await top('table.by-rule')).toBeLessThan(await top('nav.toc'));
      expect(await top('nav.toc')).toBeLessThan(await top('#school-1-findings'));
      expect(await top('#school-1-findings')).toBeLessThan(1000);
      expect(await top('#school-1-findings')).toBeLessThan(await top('#school-1-statistics'));
      // The counts by rule: 21 cap errors and 343 info findings.
      const counts = await page.locator('table.by-rule tbody tr').allTextContents();
      expect(counts).toEqual([
        expect.stringMatching(/^錯誤PR3001 已達上傳件數上限21馬公補充規定 五\(四\)$/),
        expect.stringMatching(/^提示PR3003 此件為上限內最後一件343作業要點 五\(二\)$/),
      ]);
      // Error rows are shown, in the audit's words; the 343 info rows are folded.
      await expect(page.locator('#school-1-PR3001 tbody tr').first().isVisible()).resolves.toBe(true);
      expect(await page.locator('#school-1-PR3001 tbody tr').first().textContent()).toContain(
        '112學年度第1學期已上傳 7 件課程學習成果，超過每學期上限 6 件',
      );
      expect(await page.locator('#school-1-PR3003 tbody tr').count()).toBe(200);
      await expect(page.locator('#school-1-PR3003 tbody tr').first().isVisible()).resolves.toBe(false);
      await expect(page.locator('details.classes svg.chart').isVisible()).resolves.toBe(false);
      // The contents link to the statistics; the class chart opens when its summary is clicked.
      await page.locator('nav.toc a[href="#school-1-statistics"]').click();
      expect(page.url()).toMatch(/#school-1-statistics$/);
      await page.locator('details.classes > summary').click();
      await expect(page.locator('details.classes svg.chart').isVisible()).resolves.toBe(true);
      await page.locator('#school-1-PR3003 > summary').click();
      await expect(page.locator('#school-1-PR3003 tbody tr').first().isVisible()).resolves.toBe(true);
      // Nothing fetched, nothing said on the console (the strict policy blocked nothing because nothing tried).
      expect(problems).toEqual([]);
    });
  });

  it('keeps a screenshot of the top of the report as a test artefact', async ({ skip }) => {
    if (!browser.chromium) return skip(browser.why);
    const file = join(browser.folder, 'large-top.html');
    writeFileSync(file, formatHtml({ audits: [LARGE] }, { lang: 'zh-TW' }));
    const png = join(artefactFolder(), 'report-top-down.png');
    await withPage(browser.chromium, file, { width: 1200, height: 1400 }, async (page) => {
      await page.screenshot({ path: png });
    });
    // A blank page of this size compresses to a few kilobytes; text, tables and badges do not.
    expect(statSync(png).size).toBeGreaterThan(60_000);
  });
});
