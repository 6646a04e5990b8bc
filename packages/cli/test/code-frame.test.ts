import { describe, expect, it } from 'vitest';
import { codeFrame, FRAME_WIDTH } from '../src/formatters/code-frame';
import { RAW_CONTROL } from './raw-controls';

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

describe('codeFrame on hostile lines', () => {
  it('cuts a 50 MB line to a window around the column, with ellipses, the caret still under it', () => {
    const line = `${'a'.repeat(25_000_000)}X${'b'.repeat(25_000_000)}`;
    const [shown, caret] = codeFrame(`id: x\n${line}\n`, 2, 25_000_001);
    expect(shown!.length).toBeLessThan(FRAME_WIDTH + 20);
    expect(shown).toMatch(/^ {2}2 \| …a+Xb+…$/);
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('X'));
  });

  it('shows the start of a long line when the column is near it', () => {
    const [shown, caret] = codeFrame(`key: ${'字'.repeat(1000)}`, 1, 6);
    expect(shown).toBe(`  1 | key: ${'字'.repeat(FRAME_WIDTH - 5)}…`);
    expect(caret).toBe(`    | ${' '.repeat(5)}^`);
  });

  it('shows control characters as escapes and keeps the caret under the column', () => {
    const [shown, caret] = codeFrame('name: "\u001b]0;pwned\u0007\u202e" bad', 1, 21);
    expect(shown).toBe('  1 | name: "\\x1b]0;pwned\\x07\\u202e" bad');
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('bad'));
    expect(shown).not.toMatch(RAW_CONTROL);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const [shown] = codeFrame('𠀀'.repeat(500), 1, 401);
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
