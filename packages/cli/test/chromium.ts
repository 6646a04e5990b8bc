import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium as playwright, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

// Debian's headless Chromium for the tests that open HTML, run as a command or driven by playwright-core
// (the library only, with no browser download). On CI, running
// as root, a missing Chromium is installed once with apt-get; elsewhere those tests are skipped with a note.

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const findChromium = () => CANDIDATES.find((path) => existsSync(path));
export const INSTALL_TIMEOUT = 15 * 60_000;

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

/** The Chromium binary, installed first on CI when missing; `why` says why there is none. */
export function chromiumOrWhy(): { readonly chromium?: string; readonly why: string } {
  let chromium = findChromium();
  let why = '';
  if (!chromium) {
    why = install();
    chromium = findChromium();
    if (!chromium && !why) why = 'apt-get installed chromium, but no Chromium binary was found';
  }
  return { ...(chromium && { chromium }), why };
}

/** Runs Chromium headless on one file with a fresh profile (in `folder`) and no network activity of its own. */
export function openInChromium(chromium: string, folder: string, file: string, ...action: string[]) {
  const profile = mkdtempSync(join(folder, 'profile-'));
  const result = spawnSync(
    chromium,
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

/** Where tests keep what a person may want to look at (screenshots, PDFs): `.tmp/artefacts/`, gitignored. */
export function artefactFolder(): string {
  const folder = fileURLToPath(new URL('../../../.tmp/artefacts/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Opens `file` in Chromium driven by playwright-core (for what a DOM dump cannot say: what is shown,
 * where, after a click), runs `use` on the page, and closes the browser. `problems` collects console
 * messages, page errors, every request other than the file itself, and every Content-Security-Policy
 * violation (a refused `eval` is caught by the page's code and never reaches the console).
 */
export async function withPage<T>(
  chromium: string,
  file: string,
  viewport: { readonly width: number; readonly height: number },
  use: (page: Page, problems: readonly string[]) => Promise<T>,
): Promise<T> {
  const browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (message) => problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    await page.exposeFunction('reportViolation', (violation: string) => problems.push(`csp: ${violation}`));
    // Run by the browser before the page's own scripts (outside its policy), as text: this project has no DOM types.
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (event) => reportViolation(`${event.violatedDirective} ${event.blockedURI}`));",
    });
    await page.goto(url);
    return await use(page, problems);
  } finally {
    await browser.close();
  }
}

/**
 * For a test file: Chromium (or why the file's tests are skipped) and a scratch folder for its pages,
 * filled before its tests and removed after them.
 */
export function chromiumForFile(prefix: string): {
  readonly chromium: string | undefined;
  readonly why: string;
  readonly folder: string;
} {
  const session: { chromium: string | undefined; why: string; folder: string } = {
    chromium: undefined,
    why: '',
    folder: '',
  };
  beforeAll(() => {
    const found = chromiumOrWhy();
    session.chromium = found.chromium;
    session.why = found.why;
    session.folder = mkdtempSync(join(tmpdir(), prefix));
  }, INSTALL_TIMEOUT + 60_000);
  afterAll(() => {
    if (session.folder) rmSync(session.folder, { recursive: true, force: true });
  });
  return session;
}
