/** One CSV row: its cells and the line it starts on (a quoted cell may span lines). */
export interface CsvRow {
  readonly cells: readonly string[];
  readonly line: number;
}

export interface CsvSplitter {
  /** Feeds one physical line (without its line break); returns a row once its quotes are closed. */
  push(text: string, lineNumber: number): CsvRow | undefined;
  /** The line where a still-open quoted cell started, at the end of the input. */
  unterminated(): number | undefined;
}

/**
 * An RFC 4180 splitter fed line by line, so a file streams through in bounded memory:
 * `"` quotes a cell, `""` inside quotes is one `"`, and a quoted cell may hold commas and line breaks.
 * Lenient where vendors are sloppy: a stray `"` inside an unquoted cell is kept as it is.
 */
export function createCsvSplitter(): CsvSplitter {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let start: number | undefined;
  return {
    push(text, lineNumber) {
      if (start === undefined) start = lineNumber;
      else cell += '\n';
      let atCellStart = cell === '' && !quoted;
      for (let index = 0; index < text.length; index++) {
        const char = text.charAt(index);
        if (quoted) {
          if (char !== '"') cell += char;
          else if (text[index + 1] === '"') {
            cell += '"';
            index++;
          } else quoted = false;
        } else if (char === '"' && atCellStart) {
          quoted = true;
          atCellStart = false;
        } else if (char === ',') {
          cells.push(cell);
          cell = '';
          atCellStart = true;
        } else {
          cell += char;
          atCellStart = false;
        }
      }
      if (quoted) return undefined;
      cells.push(cell);
      const row = { cells, line: start };
      cells = [];
      cell = '';
      start = undefined;
      return row;
    },
    unterminated: () => (quoted ? start : undefined),
  };
}
