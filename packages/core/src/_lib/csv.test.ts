import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvRowReader, createCsvSplitter, CSV_ROW_LINES } from './csv';

function split(lines: string[]) {
  const splitter = createCsvSplitter();
  const rows = lines.flatMap((text, index) => splitter.push(text, index + 1) ?? []);
  return { rows, unterminated: splitter.unterminated() };
}

/** The rows and the broken rows' first lines of lines read with createCsvRowReader, the header `width` wide. */
function read(lines: readonly string[], width?: number) {
  const rows: [number, readonly string[]][] = [];
  const broken: [number, string][] = [];
  const reader = createCsvRowReader(
    (row) => rows.push([row.line, row.cells]),
    (line, why) => broken.push([line, why]),
    () => width,
  );
  lines.forEach((text, index) => reader.push(text, index + 1));
  reader.end();
  return { rows, broken };
}

describe('createCsvSplitter (RFC 4180)', () => {
  it('splits plain cells, keeping empty ones', () => {
    expect(split(['a,b,,d']).rows).toEqual([{ cells: ['a', 'b', '', 'd'], line: 1, lines: 1, malformed: false }]);
  });
  it('reads quoted cells with commas, doubled quotes and line breaks, starting at the first line', () => {
    const { rows } = split(['x,"a, ""b""","multi', 'line",z', 'next,row']);
    expect(rows).toEqual([
      { cells: ['x', 'a, "b"', 'multi\nline', 'z'], line: 1, lines: 2, malformed: false },
      { cells: ['next', 'row'], line: 3, lines: 1, malformed: false },
    ]);
  });
  it('keeps a stray quote inside an unquoted cell', () => {
    expect(split(['5" screen,b']).rows[0]!.cells).toEqual(['5" screen', 'b']);
  });
  it('keeps what follows a closing quote, and says the row is malformed', () => {
    expect(split(['"a"b,c']).rows[0]).toMatchObject({ cells: ['ab', 'c'], malformed: true });
  });
  it('reports a quote never closed', () => {
    expect(split(['a,b', 'c,"open', 'still']).unterminated).toBe(2);
  });
});

describe('createCsvRowReader: one broken record costs one record', () => {
  it('reads quoted cells over lines as one row', () => {
    expect(read(['a,b', '1,"two', 'lines"', '3,x'], 2)).toEqual({
      rows: [
        [1, ['a', 'b']],
        [2, ['1', 'two\nlines']],
        [4, ['3', 'x']],
      ],
      broken: [],
    });
  });

  it('rejects the row of a stray quote never closed and reads every row after it', () => {
    const lines = ['id,grade', 's1,1', '"s2,2', ...Array.from({ length: 700 }, (_, index) => `s${index + 3},3`)];
    const { rows, broken } = read(lines, 2);
    expect(broken).toEqual([[3, 'unterminated']]);
    expect(rows).toHaveLength(702);
    expect(rows.at(-1)).toEqual([703, ['s702', '3']]);
  });

  it('rejects a row whose quote closes lines later with the wrong cells or badly, and reads the rows it swallowed', () => {
    expect(read(['a,b', '"x,1', '2,3', '4,"5"'], 2)).toEqual({
      rows: [
        [1, ['a', 'b']],
        [3, ['2', '3']],
        [4, ['4', '5']],
      ],
      broken: [[2, 'malformed']],
    });
    expect(read(['a,b', '"x,1', '"y"z,3'], 2).broken).toEqual([[2, 'malformed']]);
  });

  it(`gives up on a quote after ${CSV_ROW_LINES} lines`, () => {
    const lines = ['"open', ...Array.from({ length: CSV_ROW_LINES + 5 }, (_, index) => `r${index},1`)];
    const { rows, broken } = read(lines);
    expect(broken).toEqual([[1, 'unterminated']]);
    expect(rows).toHaveLength(CSV_ROW_LINES + 5);
  });

  it('accounts for every line: each is in exactly one row or is the first line of a broken one', () => {
    const cell = fc.constantFrom('a', '"', '""', ',', 'x"y', '"z"', '');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(cell, { maxLength: 4 }).map((cells) => cells.join(',')),
          { maxLength: 30 },
        ),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        (lines, width) => {
          const { rows, broken } = read(lines, width);
          const covered: number[] = broken.map(([line]) => line);
          for (const [line, cells] of rows) {
            const span = cells.join(',').split('\n').length;
            for (let at = line; at < line + span; at++) covered.push(at);
          }
          expect(covered.sort((a, b) => a - b)).toEqual(lines.map((_, index) => index + 1));
        },
      ),
      { seed: 42, numRuns: Number(process.env.FC_NUM_RUNS ?? 300) },
    );
  });
});
