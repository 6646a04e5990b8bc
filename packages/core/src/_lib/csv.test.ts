import { describe, expect, it } from 'vitest';
import { createCsvSplitter } from './csv';

function split(lines: string[]) {
  const splitter = createCsvSplitter();
  const rows = lines.flatMap((text, index) => splitter.push(text, index + 1) ?? []);
  return { rows, unterminated: splitter.unterminated() };
}

describe('createCsvSplitter (RFC 4180)', () => {
  it('splits plain cells, keeping empty ones', () => {
    expect(split(['a,b,,d']).rows).toEqual([{ cells: ['a', 'b', '', 'd'], line: 1 }]);
  });
  it('reads quoted cells with commas, doubled quotes and line breaks, starting at the first line', () => {
    const { rows } = split(['x,"a, ""b""","multi', 'line",z', 'next,row']);
    expect(rows).toEqual([
      { cells: ['x', 'a, "b"', 'multi\nline', 'z'], line: 1 },
      { cells: ['next', 'row'], line: 3 },
    ]);
  });
  it('keeps a stray quote inside an unquoted cell', () => {
    expect(split(['5" screen,b']).rows[0]!.cells).toEqual(['5" screen', 'b']);
  });
  it('reports a quote never closed', () => {
    expect(split(['a,b', 'c,"open', 'still']).unterminated).toBe(2);
  });
});
