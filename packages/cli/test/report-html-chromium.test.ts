import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../src/formatters/html';
import { AUDIT, PACK_ONLY_AUDIT } from './fixtures/audit-result';

// Opens the HTML report in Debian's headless Chromium (no playwright or puppeteer). On CI, running
// as root, a missing Chromium is installed once with apt-get; elsewhere the test is skipped with a note.

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const findChromium = () => CANDIDATES.find((path) => existsSync(path));
const INSTALL_TIMEOUT = 15 * 60_000;

let chromium: string | undefined;
let why = '';
let folder = '';

function install(): string {
  if (process.env.CI !== 'true' || process.getuid?.() !== 0)
    return `Chromium is not installed (${CANDIDATES.join(' or ')}); install Debian's chromium to run this test (it is installed automatically on CI, as root)`;
  const result = spawnSync(
    'bash',
    ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium'],
    { encoding: 'utf8', timeout: INSTALL_TIMEOUT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return result.status === 0
    ? ''
    : `apt-get install chromium failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr?.slice(-500) ?? ''}`;
}

beforeAll(() => {
  chromium = findChromium();
  if (!chromium) {
    why = install();
    chromium = findChromium();
    if (!chromium && !why) why = 'apt-get installed chromium, but no Chromium binary was found';
  }
  folder = mkdtempSync(join(tmpdir(), 'portfolio-rules-report-'));
}, INSTALL_TIMEOUT + 60_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs Chromium headless on one file with a fresh profile and no network activity of its own. */
function open(file: string, ...action: string[]) {
  const profile = mkdtempSync(join(folder, 'profile-'));
  const result = spawnSync(
    chromium!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--enable-logging=stderr',
      '--v=0',
      `--user-data-dir=${profile}`,
      ...action,
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status, dom: result.stdout, log: result.stderr ?? '' };
}

const write = (name: string, html: string) => {
  const file = join(folder, name);
  writeFileSync(file, html);
  return file;
};

describe('the HTML report in headless Chromium', () => {
  it('renders its numbers and finding codes, runs no script and fetches nothing', ({ skip }) => {
    if (!chromium) return skip(why);
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
    expect(dom.match(/<svg class="chart"/g)).toHaveLength(4);
    // The message's <script> is text, not an element; the CSP saw nothing to block and no console spoke.
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(log).not.toMatch(/:CONSOLE|Content Security Policy/);
  });

  it('draws it: a screenshot of the page is a full PNG', ({ skip }) => {
    if (!chromium) return skip(why);
    const file = write('report-en.html', formatHtml({ audits: [AUDIT] }, { lang: 'en' }));
    const png = join(folder, 'report.png');
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
