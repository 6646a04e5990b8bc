import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { artefactFolder, chromiumForFile, openInChromium } from './chromium';
import { run } from './run';

// Prints the rendered document to PDF in headless Chromium, as a school would from its browser, and
// keeps the PDF (and, where poppler's pdftoppm is installed, a PNG of each page) in .tmp/artefacts/.

const ROOT = new URL('../../../', import.meta.url).pathname;
const browser = chromiumForFile('portfolio-rules-print-');

/** Prints an HTML file to PDF as a browser's "Save as PDF" would, without the date and URL in the margins. */
const printToPdf = (html: string, pdf: string) =>
  openInChromium(browser.chromium!, browser.folder, html, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`);

/** The pages of a PDF and the size of the first, in points. */
function pages(pdf: Buffer): { count: number; size: [number, number] } {
  const text = pdf.toString('latin1');
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return {
    count: text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0,
    size: box ? [Number(box[1]), Number(box[2])] : [0, 0],
  };
}

async function print(name: string, argv: readonly string[], cwd?: string) {
  const rendered = await run(['render', ...argv, '--format', 'html'], cwd ? { cwd } : {});
  expect(rendered.code, rendered.stderr).toBe(0);
  const html = join(browser.folder, `${name}.html`);
  const pdf = join(browser.folder, `${name}.pdf`);
  writeFileSync(html, rendered.stdout);
  const { status } = printToPdf(html, pdf);
  expect(status).toBe(0);
  const keep = join(artefactFolder(), `render-${name}.pdf`);
  copyFileSync(pdf, keep);
  const poppler = spawnSync('pdftoppm', ['-r', '60', '-png', keep, keep.replace(/\.pdf$/, '')]);
  if (poppler.error) console.info('pdftoppm is not installed: the PDF is kept without page images');
  return readFileSync(pdf);
}

describe('render --format html, printed to A4 from Chromium', () => {
  it(
    'starts the annexed table and the generated tables each on a page of their own',
    { timeout: 120_000 },
    async ({ skip }) => {
      if (!browser.chromium) return skip(browser.why);
      const pdf = await print('short', ['render/short.yaml']);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 is 595.28 × 841.89 points; Chromium rounds to its own pixel grid.
      const { count, size } = pages(pdf);
      expect(size[0]).toBeCloseTo(595.3, 0);
      expect(size[1]).toBeCloseTo(841.9, 0);
      // The clauses fit on one page; the annex and the appendix of tables start new ones.
      expect(count).toBe(3);
      const text = await run(['render', 'render/short.yaml', '--format', 'html', '--document', 'text']);
      writeFileSync(join(browser.folder, 'text.html'), text.stdout);
      printToPdf(join(browser.folder, 'text.html'), join(browser.folder, 'text.pdf'));
      expect(pages(readFileSync(join(browser.folder, 'text.pdf'))).count).toBe(2);
    },
  );

  it(
    "prints Magong's whole 補充規定: the clauses, each annex, then the tables",
    { timeout: 120_000 },
    async ({ skip }) => {
      if (!browser.chromium) return skip(browser.why);
      const pdf = await print('magong', ['schools/magong/pack.yaml'], ROOT);
      // Clauses (two pages or more), 分工表, 作業流程 (two pages: 22 rows), the appendix.
      expect(pages(pdf).count).toBeGreaterThanOrEqual(6);
      expect(existsSync(join(artefactFolder(), 'render-magong.pdf'))).toBe(true);
    },
  );
});
