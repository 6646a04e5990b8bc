import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, openInChromium } from './chromium';
import { formatHtml } from '../src/formatters/html';
import { AUDIT, PACK_ONLY_AUDIT } from './fixtures/audit-result';

// Opens the HTML report in Debian's headless Chromium (test/chromium.ts).

const browser = chromiumForFile('portfolio-rules-report-');

const open = (file: string, ...action: string[]) => openInChromium(browser.chromium!, browser.folder, file, ...action);

const write = (name: string, html: string) => {
  const file = join(browser.folder, name);
  writeFileSync(file, html);
  return file;
};

describe('the HTML report in headless Chromium', () => {
  it('renders its numbers and finding codes, runs no script and fetches nothing', ({ skip }) => {
    if (!browser.chromium) return skip(browser.why);
    const file = write('report.html', formatHtml({ audits: [AUDIT, PACK_ONLY_AUDIT] }, { lang: 'zh-TW' }));
    const { status, dom, log } = open(file, '--dump-dom');
    expect(status).toBe(0);
    // The DOM Chromium built, serialised: the statistics, the intake line and every code are in it.
    for (const shown of [
      '讀取 12 行 = 檢查 10 行 + 退回 2 行',
      '80.0% (4/5)',
      '66.7% (2/3)',
      '100.0% (3/3)',
      '50.0% (1/2)',
      '<td class="number">6.38</td>',
      '王老師',
      '作業要點',
      'national@2022-08-01',
    ]) {
      expect(dom).toContain(shown);
    }
    for (const code of ['PR2002', 'PR3002', 'PR3003', 'PR8001', 'PR8009', 'PR5014'])
      expect(dom).toContain(`<code>${code}</code>`);
    // Upload rates by grade and by class, certification states; the findings by rule are counted in the summary.
    expect(dom.match(/<svg class="chart"/g)).toHaveLength(3);
    // The rejected line's markup is text, not an element; the CSP saw nothing to block and no console spoke.
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain('Unexpected token } &lt;&amp;"\'&gt;');
    expect(log).not.toMatch(/:CONSOLE|Content Security Policy/);
  });

  it('draws it: a screenshot of the page is a full PNG', ({ skip }) => {
    if (!browser.chromium) return skip(browser.why);
    const file = write('report-en.html', formatHtml({ audits: [AUDIT] }, { lang: 'en' }));
    const png = join(browser.folder, 'report.png');
    const { status } = open(file, '--window-size=1200,2400', `--screenshot=${png}`);
    expect(status).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: the width and height asked for.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 2400]);
    // A blank page of this size compresses to a few kilobytes; text, tables and charts do not.
    expect(statSync(png).size).toBeGreaterThan(60_000);
  });
});
