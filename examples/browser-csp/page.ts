/**
 * A vendor's page script under a strict Content-Security-Policy (index.html: no 'unsafe-eval'): it
 * reads a school's pack (Magong's) in the browser and decides by it. Bundled and opened in Chromium by
 * test/page.test.ts; docs/guides/vendor.md quotes it.
 */
import './zod-jitless'; // first: core builds its zod schemas as its modules load
import { createEngine, validatePack } from '@portfolio-rules/core';
import MAGONG from '../../schools/magong/pack.yaml?raw'; // the pack's text, inlined by the bundler
import { seventhUpload } from './decide';

const validation = validatePack(MAGONG);
// What the page found, for the test to read (a real page would show it).
(globalThis as { verdict?: unknown }).verdict = {
  packFindings: validation.findings.map((finding) => finding.code),
  ...seventhUpload(createEngine(validation)),
};
