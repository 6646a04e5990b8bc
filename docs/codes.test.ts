import { readdirSync, readFileSync } from 'node:fs';
import { CATALOGUE, parseTerm, validatePack, type CodeSpec, type Division } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { CLI_CODES } from '../packages/cli/src/codes';
import { type CodeBlock, codeBlocks } from './markdown-blocks';

/**
 * One page per code: docs/codes/<CODE>.md. For pack and layering codes (PR1xxx, PR2xxx) the page's
 * examples are run: the YAML block under a "Failing" heading must raise the code through
 * validatePack, the one under a "Passing" heading must not. `<!-- options: {"term": "11002"} -->`
 * (or `{"division": "continuingEducation"}`) above a block passes options; `<!-- example: abridged -->` marks an example that cannot be shown in full.
 */
const CODES_DIR = new URL('./codes/', import.meta.url);
const CODE = /\bPR\d{4}\b/g;

const specs: readonly CodeSpec<never>[] = [
  ...Object.values(CATALOGUE),
  ...Object.values(CLI_CODES).map((spec) => spec as CodeSpec<never>),
];
const known = new Set(specs.map((spec) => spec.code));
const pages = readdirSync(CODES_DIR).filter((name) => name.endsWith('.md') && name !== 'README.md');
const read = (name: string) => readFileSync(new URL(name, CODES_DIR), 'utf8');

function exampleUnder(blocks: readonly CodeBlock[], heading: string): CodeBlock | undefined {
  return blocks.find((block) => block.language === 'yaml' && block.heading.toLowerCase().includes(heading));
}

function run(block: CodeBlock) {
  const options =
    block.comments.flatMap((comment) =>
      comment.startsWith('options:')
        ? [JSON.parse(comment.slice('options:'.length)) as { term?: string; division?: Division }]
        : [],
    )[0] ?? {};
  const term = options.term === undefined ? undefined : parseTerm(options.term);
  return validatePack(block.text, { ...(term && { term }), ...(options.division && { division: options.division }) })
    .findings;
}

describe('finding code pages', () => {
  it('every catalogued code has a page', () => {
    const missing = specs
      .filter((spec) => !pages.includes(`${spec.code}.md`))
      .map((spec) => `docs/codes/${spec.code}.md (${spec.name})`);
    expect(missing).toEqual([]);
  });

  it('every page is named after a catalogued code and names only catalogued codes', () => {
    const unknown = pages.flatMap((name) => {
      const own = name.replace(/\.md$/, '');
      const named = [own, ...(read(name).match(CODE) ?? [])];
      return [...new Set(named)].filter((code) => !known.has(code)).map((code) => `${name}: ${code}`);
    });
    expect(unknown).toEqual([]);
  });

  it('the index lists every code with a link to its page, and no other', () => {
    const index = read('README.md');
    const listed = new Set([...index.matchAll(/\[(PR\d{4})\]\(\1\.md\)/g)].map((match) => match[1]!));
    const rows = specs
      .filter((spec) => !listed.has(spec.code))
      .map(
        (spec) =>
          `| [${spec.code}](${spec.code}.md) | ${spec.name} | ${spec.severity} | ${spec.title.en} ${spec.title['zh-TW']} |`,
      );
    expect(rows, 'add these rows to docs/codes/README.md').toEqual([]);
    expect([...listed].filter((code) => !known.has(code))).toEqual([]);
  });

  describe.each(pages)('%s', (name) => {
    const code = name.replace(/\.md$/, '');
    const text = read(name);
    const spec = specs.find((candidate) => candidate.code === code);

    it('opens with the code and its title in both languages, and gives the severity', () => {
      const title = text.split('\n')[0]!;
      expect(title.startsWith(`# ${code}`)).toBe(true);
      expect(title.toLowerCase()).toContain(spec!.title.en.toLowerCase());
      expect(title).toContain(spec!.title['zh-TW']);
      expect(text.toLowerCase()).toContain(`**severity:** ${spec!.severity}`);
    });

    it.runIf(/^PR[12]/.test(code))('has the sections of a code page, and its examples do what they say', () => {
      for (const section of [
        '## What it means',
        '## The rule',
        '## Failing example',
        '## Passing example',
        '## How to fix',
      ])
        expect(text).toContain(section);
      const blocks = codeBlocks(text);
      const failing = exampleUnder(blocks, 'failing');
      const passing = exampleUnder(blocks, 'passing');
      expect(failing, 'a ```yaml block under "Failing example"').toBeDefined();
      expect(passing, 'a ```yaml block under "Passing example"').toBeDefined();
      if (!failing!.comments.includes('example: abridged')) {
        expect(run(failing!).map((finding) => finding.code)).toContain(code);
      }
      const passed = run(passing!);
      expect(passed.filter((finding) => finding.severity === 'error' || finding.code === code)).toEqual([]);
    });
  });
});
