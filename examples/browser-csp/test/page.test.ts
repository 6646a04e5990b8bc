import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, withPage } from '../../../packages/cli/test/chromium';
import { raw } from '../../../scripts/tsup-raw';

// A vendor's page that reads a pack with core, under a strict Content-Security-Policy, as the vendor's
// bundler makes it: the BUILT core bundled by esbuild for the browser, opened from file:// in Debian's
// headless Chromium. With zod's JIT off (zod-jitless.ts, imported first) nothing is refused; without
// it, zod's `new Function` probe is refused and reported as a violation, though the results are the same.

const HERE = fileURLToPath(new URL('..', import.meta.url));
const CORE = fileURLToPath(new URL('../../../packages/core/dist/index.js', import.meta.url));
const PACKS = fileURLToPath(new URL('../../../packages/packs', import.meta.url));
const browser = chromiumForFile('portfolio-rules-csp-');

/** Leaves zod-jitless.ts out of the bundle: the page as a vendor writes it without the setting. */
const withoutJitless: Plugin = {
  name: 'without-jitless',
  setup(bundler) {
    bundler.onResolve({ filter: /zod-jitless(\.ts)?$/ }, () => ({ path: 'zod-jitless', namespace: 'left-out' }));
    bundler.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({ contents: '', loader: 'js' }));
  },
};

/** The front-end path of the vendor guide: Magong's resolved pack, no YAML read in the browser. */
const RESOLVED_PAGE = `import ${JSON.stringify(join(HERE, 'zod-jitless.ts'))};
import { createEngine } from '@portfolio-rules/core';
import magong from '@portfolio-rules/packs/resolved/magong';
import { seventhUpload } from ${JSON.stringify(join(HERE, 'decide.ts'))};
globalThis.verdict = { packFindings: [], ...seventhUpload(createEngine(magong)) };`;

/** A page bundled into its own folder (index.html and page.js), and opened: what it found and what was reported. */
async function openPage(name: string, entry: { readonly page?: string; readonly source?: string }, plugins: Plugin[]) {
  const folder = join(browser.folder, name);
  mkdirSync(folder);
  copyFileSync(join(HERE, 'index.html'), join(folder, 'index.html'));
  await build({
    ...(entry.page !== undefined && { entryPoints: [join(HERE, entry.page)] }),
    ...(entry.source !== undefined && { stdin: { contents: entry.source, resolveDir: PACKS, loader: 'js' as const } }),
    outfile: join(folder, 'page.js'),
    alias: { '@portfolio-rules/core': CORE, '@portfolio-rules/packs': PACKS },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    plugins: [raw, ...plugins],
    logLevel: 'silent',
  });
  return withPage(
    browser.chromium!,
    join(folder, 'index.html'),
    { width: 800, height: 600 },
    async (page, problems) => {
      await page.waitForFunction('globalThis.verdict !== undefined');
      const verdict: unknown = await page.evaluate('globalThis.verdict');
      const reported = problems.filter((problem) => !problem.startsWith('request: file://'));
      return { verdict, reported };
    },
  );
}

/** Magong's cap read from the pack: the seventh upload of a semester is refused. */
const VERDICT = { packFindings: [], allowed: false, findings: ['PR3001'] };

describe.skipIf(!existsSync(CORE) || !existsSync(join(PACKS, 'resolved')))(
  'core in a page under a strict Content-Security-Policy',
  () => {
    it('reads a pack and decides with nothing refused when zod runs jitless', async ({ skip }) => {
      if (!browser.chromium) return skip(browser.why);
      await expect(openPage('yaml-jitless', { page: 'page.ts' }, [])).resolves.toEqual({
        verdict: VERDICT,
        reported: [],
      });
    });

    it("has zod's eval probe refused and reported without the setting (the same results)", async ({ skip }) => {
      if (!browser.chromium) return skip(browser.why);
      await expect(openPage('yaml-probing', { page: 'page.ts' }, [withoutJitless])).resolves.toEqual({
        verdict: VERDICT,
        reported: ['csp: script-src eval'],
      });
    });

    it('needs the setting on the resolved-pack path too: core builds its schemas as it loads', async ({ skip }) => {
      if (!browser.chromium) return skip(browser.why);
      const probing = await openPage('resolved-probing', { source: RESOLVED_PAGE }, [withoutJitless]);
      expect(probing).toEqual({ verdict: VERDICT, reported: ['csp: script-src eval'] });
      await expect(openPage('resolved-jitless', { source: RESOLVED_PAGE }, [])).resolves.toEqual({
        verdict: VERDICT,
        reported: [],
      });
    });
  },
);
