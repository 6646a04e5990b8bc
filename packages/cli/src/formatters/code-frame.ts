import { displayWidth } from '../_lib/width';

/**
 * The offending line with a caret under the column, like a compiler:
 *
 *     14 |       max: 12
 *        |            ^
 */
export function codeFrame(text: string, line: number, column: number, indent = '  '): string[] {
  const lines = text.split(/\r?\n/);
  const source = lines[line - 1];
  if (source === undefined) return [];
  const shown = source.replace(/\t/g, ' ');
  const gutter = String(line);
  const before = shown.slice(0, Math.max(0, column - 1));
  return [
    `${indent}${gutter} | ${shown}`.trimEnd(),
    `${indent}${' '.repeat(gutter.length)} | ${' '.repeat(displayWidth(before))}^`,
  ];
}
