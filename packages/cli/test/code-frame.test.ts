import { describe, expect, it } from 'vitest';
import { codeFrame } from '../src/formatters/code-frame';

describe('codeFrame', () => {
  it('puts the caret under the column', () => {
    expect(codeFrame('a: 1\n  max: 12\n', 2, 8)).toEqual(['  2 |   max: 12', '    |        ^']);
  });

  it('counts Chinese characters as two columns, so the caret stays under the character', () => {
    // Column 12 is the 9, after eleven characters, four of them full-width: 15 terminal columns.
    expect(codeFrame('name: 馬公高中 9', 1, 12)).toEqual(['  1 | name: 馬公高中 9', `    | ${' '.repeat(15)}^`]);
  });

  it('widens the gutter with the line number and gives nothing for a line past the end', () => {
    const text = `${'x\n'.repeat(11)}bad: [\n`;
    expect(codeFrame(text, 12, 6)).toEqual(['  12 | bad: [', '     |      ^']);
    expect(codeFrame(text, 40, 1)).toEqual([]);
  });
});
