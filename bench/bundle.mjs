// The browser bundle of the engine path (not a test): what a vendor's bundler makes of the BUILT
// packages, bundled and minified by esbuild for the browser, gzipped (level 9). The engine path
// loads a resolved pack (@portfolio-rules/packs/resolved/<id>) and decides; beside it, in the same
// run, the baseline a vendor had before: the pack read from YAML (validatePack: the YAML parser and
// the zod schema), and the whole public API. Run after `npx --yes pnpm@10.34.9 build`.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PACKAGES, ratio, table } from './_lib.mjs';

const TARGET_KIB = 80;
const decide = `
const item = { id: 'i1', studentId: 's1', kind: 'courseOutcome', term: '11201', course: 'physics',
  certifier: 't1', state: 'draft', entry: 'student', selected: false, uploadedOn: '2023-10-02' };
globalThis.answer = engine.checkUpload({ item, items: [], at: '2023-10-02' }).allowed;`;

const CASES = [
  {
    name: 'engine path: a resolved pack (magong), createEngine, decide',
    source: `import { createEngine } from '@portfolio-rules/core';
import magong from '@portfolio-rules/packs/resolved/magong';
const engine = createEngine(magong);${decide}`,
  },
  {
    name: '… the same without the pack data (the code alone)',
    source: `import { createEngine } from '@portfolio-rules/core';
const engine = createEngine(globalThis.resolution);${decide}`,
  },
  {
    name: 'baseline: the pack read from YAML (validatePack + createEngine)',
    baseline: true,
    source: `import { createEngine, validatePack } from '@portfolio-rules/core';
const engine = createEngine(validatePack(globalThis.yamlText));${decide}`,
  },
  {
    name: 'the whole public API (import *)',
    source: `import * as core from '@portfolio-rules/core'; globalThis.core = core;`,
  },
];

/** Where each byte of the output comes from: a package, core, or the pack data. */
function origin(path) {
  if (path.includes('/resolved/')) return 'pack data';
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match && match[1] !== '@portfolio-rules/core') return match[1];
  return '@portfolio-rules/core';
}

async function measure(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: join(PACKAGES, 'packs'), loader: 'js' },
    alias: { '@portfolio-rules/packs': join(PACKAGES, 'packs') },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const parts = new Map();
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0].inputs))
    parts.set(origin(path), (parts.get(origin(path)) ?? 0) + input.bytesInOutput);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, parts };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const results = [];
for (const spec of CASES) results.push({ ...spec, ...(await measure(spec.source)) });
const baseline = results.find((result) => result.baseline);

const rows = [['bundle', 'minified', 'gzipped', 'vs baseline (gzipped)', 'minified bytes by origin']];
for (const result of results)
  rows.push([
    result.name,
    kib(result.minified),
    kib(result.gzipped),
    ratio(result.gzipped, baseline.gzipped),
    [...result.parts]
      .sort((a, b) => b[1] - a[1])
      .filter(([, bytes]) => bytes > 0)
      .map(([name, bytes]) => `${name} ${kib(bytes)}`)
      .join(', '),
  ]);
table(rows);
const path = results[0];
console.log(
  `\nengine path: ${kib(path.gzipped)} gzipped — target at most ${TARGET_KIB} KiB: ${path.gzipped <= TARGET_KIB * 1024 ? 'met' : 'NOT met'}`,
);

// The playground (packages/playground/dist, built by `pnpm build`): the whole page a school opens —
// the editor, core with the YAML parser and schema, the CLI's render and diff, the JSON Schemas and
// the bundled school folders. Not the engine path: its own size, reported beside it.
const PLAYGROUND = join(PACKAGES, 'playground', 'dist');
if (existsSync(join(PLAYGROUND, 'playground.js'))) {
  const files = ['index.html', 'playground.css', 'playground.js'].map((name) => readFileSync(join(PLAYGROUND, name)));
  const minified = files.reduce((sum, file) => sum + file.length, 0);
  const gzipped = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
  console.log(`playground (index.html, playground.css, playground.js): ${kib(minified)}, ${kib(gzipped)} gzipped`);
} else {
  console.log('playground: not built (npx --yes pnpm@10.34.9 build)');
}
