import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { raw } from '../../scripts/tsup-raw';
import { schoolsPlugin } from './schools';

/**
 * The playground as one folder (dist/): index.html, playground.js, playground.css. A classic script
 * (IIFE), not a module: Chromium refuses module scripts from file://, and the page must open from a
 * double-click, offline, as well as from any static host.
 */
export default defineConfig({
  entry: { playground: 'src/main.ts' },
  format: ['iife'],
  platform: 'browser',
  target: 'es2022',
  minify: true,
  clean: true,
  dts: false,
  sourcemap: false,
  noExternal: [/.*/],
  outExtension: () => ({ js: '.js' }),
  // Core and the CLI from their sources (tsconfig paths), as vitest runs them; core inlines its regional packs (?raw).
  esbuildPlugins: [raw, schoolsPlugin(fileURLToPath(new URL('../../schools', import.meta.url)))],
  esbuildOptions(options) {
    options.legalComments = 'none';
    options.charset = 'utf8';
  },
  onSuccess() {
    for (const file of ['index.html', 'playground.css']) copyFileSync(`src/${file}`, `dist/${file}`);
    return Promise.resolve();
  },
});
