import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walkthrough } from '../../examples/vendor-walkthrough';
import { codeBlocks } from '../markdown-blocks';

const guide = readFileSync(new URL('./vendor.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../../examples/vendor-walkthrough.ts', import.meta.url), 'utf8');
const blocks = codeBlocks(guide);

describe('the vendor guide', () => {
  const output = walkthrough().join('\n').trimEnd();

  it('the walk-through prints what it printed before (snapshot)', async () => {
    await expect(`${output}\n`).toMatchFileSnapshot('./vendor-walkthrough.txt');
  });

  it("shows the walk-through's output exactly", () => {
    const shown = blocks.find((block) => block.comments.includes('output: examples/vendor-walkthrough.ts'));
    expect(shown, 'a ```text block marked <!-- output: examples/vendor-walkthrough.ts -->').toBeDefined();
    expect(shown!.text.trimEnd(), 'copy docs/guides/vendor-walkthrough.txt into the guide').toBe(output);
  });

  it("quotes the example's code as it is", () => {
    const quoted = blocks.filter((block) => block.comments.includes('from: examples/vendor-walkthrough.ts'));
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    for (const block of quoted) expect(example).toContain(block.text.trimEnd());
  });

  it('quotes every other example file as it is (<!-- from: path -->)', () => {
    const quoted = blocks.flatMap((block) =>
      block.comments
        .filter((comment) => comment.startsWith('from: ') && !comment.includes('vendor-walkthrough'))
        .map((comment) => ({ path: comment.slice('from: '.length).trim(), text: block.text.trimEnd() })),
    );
    expect(quoted.length).toBeGreaterThanOrEqual(1);
    for (const { path, text } of quoted)
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')).toContain(text);
  });

  it('walks through every step of the issue: upload, reject, resubmit, certify, select, submit, confirm', () => {
    for (const code of ['PR4004', 'PR7004']) expect(output).toContain(code);
    expect(output.match(/^## /gm)).toHaveLength(12);
    expect(output.split('\n## ').filter((section) => section.includes('\nrefused')).length).toBe(2);
  });
});
