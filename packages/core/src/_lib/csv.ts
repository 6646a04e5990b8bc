import { unreachable } from './unreachable';

/** One CSV row: its cells and the line it starts on (a quoted cell may span lines). */
export interface CsvRow {
  readonly cells: readonly string[];
  readonly line: number;
  /** How many physical lines the row spans (more than one when a quoted cell holds line breaks). */
  readonly lines: number;
  /** A closing quote was followed by something else than `,` or the end of the line (`"a"b`): kept leniently, but suspect. */
  readonly malformed: boolean;
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
  let malformed = false;
  let start: number | undefined;
  let lines = 0;
  return {
    push(text, lineNumber) {
      if (start === undefined) start = lineNumber;
      else cell += '\n';
      lines++;
      let atCellStart = cell === '' && !quoted;
      let closed = false;
      for (let index = 0; index < text.length; index++) {
        const char = text.charAt(index);
        if (quoted) {
          if (char !== '"') cell += char;
          else if (text[index + 1] === '"') {
            cell += '"';
            index++;
          } else {
            quoted = false;
            closed = true;
          }
        } else if (char === '"' && atCellStart) {
          quoted = true;
          atCellStart = false;
        } else if (char === ',') {
          cells.push(cell);
          cell = '';
          atCellStart = true;
          closed = false;
        } else {
          if (closed) malformed = true;
          cell += char;
          atCellStart = false;
        }
      }
      if (quoted) return undefined;
      cells.push(cell);
      const row = { cells, line: start, lines, malformed };
      cells = [];
      cell = '';
      start = undefined;
      lines = 0;
      malformed = false;
      return row;
    },
    unterminated: () => (quoted ? start : undefined),
  };
}

/** Why a row spanning several lines was not read as one: its quote never closed (within the limit or the file), or it closed badly. */
export type BrokenRow = 'unterminated' | 'malformed';

export interface CsvRowReader {
  /** Feeds one physical line (without its line break). */
  push(text: string, lineNumber: number): void;
  /** A line that could not be read (bytes that are not text): a row open over it is broken. */
  skip(lineNumber: number): void;
  /** The end of the input: a row still open is broken there. */
  end(): void;
}

/** A quoted cell spanning more lines than this is taken for a stray quote. */
export const CSV_ROW_LINES = 100;

/**
 * CSV rows that resynchronise after a stray quote, so that one broken record costs one record. A
 * quoted cell may span lines, but a row spanning several lines is only taken as one when its quotes
 * close within CSV_ROW_LINES lines, properly (a closing quote followed by `,` or the end of the line),
 * and it has `width()` cells (the header's, once known). Otherwise the quote that opened it was a
 * stray: `onBroken` is told the row's first line, and reading starts again at the line after it.
 */
export function createCsvRowReader(
  onRow: (row: CsvRow) => void,
  onBroken: (line: number, why: BrokenRow) => void,
  width: () => number | undefined = () => undefined,
): CsvRowReader {
  let splitter = createCsvSplitter();
  /** The lines of the row still open. */
  let open: { readonly text: string; readonly line: number }[] = [];
  /** Breaks the open row at its first line and feeds the lines after it again. */
  const resynchronise = (why: BrokenRow) => {
    const [first, ...rest] = open;
    open = [];
    splitter = createCsvSplitter();
    onBroken((first ?? unreachable('the open row')).line, why);
    for (const { text, line } of rest) feed(text, line);
  };
  const feed = (text: string, line: number): void => {
    open.push({ text, line });
    const row = splitter.push(text, line);
    if (!row) {
      if (open.length > CSV_ROW_LINES) resynchronise('unterminated');
      return;
    }
    const expected = width();
    if (row.lines > 1 && (row.malformed || (expected !== undefined && row.cells.length !== expected)))
      return resynchronise('malformed');
    open = [];
    onRow(row);
  };
  return {
    push: feed,
    skip() {
      while (open.length > 0) resynchronise('malformed');
    },
    end() {
      while (open.length > 0) resynchronise('unterminated');
    },
  };
}
