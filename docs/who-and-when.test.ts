import { readFileSync } from 'node:fs';
import * as core from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from './markdown-blocks';

/**
 * Runs the examples of the reference pages on ownership, permissions, retention, enrolment, caps, certification, receipts and
 * governance. A YAML block marked `<!-- pack: <name> -->` is loaded and layered; a `ts` block marked
 * `<!-- run -->` is run as JavaScript with the core API, `pack(name)` (the effective pack),
 * `loaded(name)` (the loaded pack, for positions) and vitest's `expect` in scope.
 */
const PAGES = [
  'ownership-and-deputies.md',
  'permissions.md',
  'retention.md',
  'enrolment.md',
  'governance.md',
  'caps.md',
  'certification.md',
  'receipts.md',
];

describe.each(PAGES)('docs/reference/%s', (page) => {
  const blocks = codeBlocks(readFileSync(new URL(`./reference/${page}`, import.meta.url), 'utf8'));
  const marked = (prefix: string) =>
    blocks.filter((block) => block.comments.some((comment) => comment.startsWith(prefix)));
  const validations = new Map(
    marked('pack:').map((block) => {
      const name = block.comments
        .find((comment) => comment.startsWith('pack:'))!
        .slice('pack:'.length)
        .trim();
      return [name, core.validatePack(block.text, { file: `${name}.yaml` })] as const;
    }),
  );
  const pack = (name: string) => {
    const validation = validations.get(name);
    const versions = validation?.resolution?.versions ?? [];
    if (versions.length === 0)
      throw new Error(`no pack ${name}: ${JSON.stringify(validation?.findings.map((f) => f.message.en))}`);
    return versions[versions.length - 1]!;
  };
  const loaded = (name: string) => validations.get(name)!.loaded;
  const runs = marked('run');

  it('has examples to run', () => {
    expect(runs.length).toBeGreaterThan(0);
  });

  it.each(validations.size > 0 ? [...validations.keys()] : [])('the pack %s loads without errors', (name) => {
    expect(validations.get(name)!.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it.each(runs.map((block) => [block.line, block] as const))('the example at line %i holds', (_, block) => {
    const scope: Record<string, unknown> = { ...core, pack, loaded, expect };
    const names = Object.keys(scope);
    // Running the page's own example text is what this test is for: the code is the documentation's, not input.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function(...names, `"use strict";\n${block.text}`) as (...args: unknown[]) => void;
    run(...names.map((name) => scope[name]));
  });
});
