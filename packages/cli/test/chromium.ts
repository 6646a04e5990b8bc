import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Debian's headless Chromium, driven from its command line (no playwright or puppeteer). On CI,
// running as root, a missing Chromium is installed once with apt-get; elsewhere the tests that need
// it are skipped with a note.

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const findChromium = () => CANDIDATES.find((path) => existsSync(path));
export const INSTALL_TIMEOUT = 15 * 60_000;

/** Where tests keep what a person may want to look at (screenshots, PDFs): `.tmp/artefacts/`, gitignored. */
export function artefactFolder(): string {
  const folder = fileURLToPath(new URL('../../../.tmp/artefacts/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  return folder;
}

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

export interface HeadlessChromium {
  /** The binary, or undefined with `why` it could not be found. */
  readonly binary: string | undefined;
  readonly why: string;
  /** A fresh folder for this run's files, removed by `close`. */
  readonly folder: string;
  /** Runs Chromium headless on one file with a fresh profile and no network activity of its own. */
  open(file: string, ...action: string[]): { status: number | null; dom: string; log: string };
  close(): void;
}

/** Finds (or on CI installs) Chromium; call from `beforeAll` with INSTALL_TIMEOUT. */
export function headlessChromium(): HeadlessChromium {
  let binary = findChromium();
  let why = '';
  if (!binary) {
    why = install();
    binary = findChromium();
    if (!binary && !why) why = 'apt-get installed chromium, but no Chromium binary was found';
  }
  const folder = mkdtempSync(join(tmpdir(), 'portfolio-rules-chromium-'));
  return {
    binary,
    why,
    folder,
    open(file, ...action) {
      const profile = mkdtempSync(join(folder, 'profile-'));
      const result = spawnSync(
        binary!,
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
    },
    close() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
