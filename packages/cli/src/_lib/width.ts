import { unreachable } from '@portfolio-rules/core/internal';
/** Columns a character takes in a terminal: 2 for CJK and full-width forms, 1 otherwise. */
function charWidth(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The width of a text in terminal columns, so carets and columns line up under Chinese text. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * A plain-text table for the terminal: every cell but a row's last is padded to its column's widest
 * cell and two spaces, trailing spaces trimmed. `widths` are the columns' widths without the two spaces.
 */
export function alignColumns(rows: readonly (readonly string[])[]): {
  readonly lines: string[];
  readonly widths: number[];
} {
  const columns = Math.max(0, ...rows.map((cells) => cells.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(0, ...rows.map((cells) => displayWidth(cells[column] ?? ''))),
  );
  const lines = rows.map((cells) =>
    cells
      .map((cell, column) =>
        column < cells.length - 1 ? padEnd(cell, (widths[column] ?? unreachable(`column ${column}`)) + 2) : cell,
      )
      .join('')
      .trimEnd(),
  );
  return { lines, widths };
}
