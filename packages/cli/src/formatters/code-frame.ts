import { displayWidth } from '../_lib/width';
import { oneLine } from './safe-text';

/** How many characters of the offending line a code frame shows at most, around the column. */
export const FRAME_WIDTH = 200;

/** Where each line of the last text framed starts: a report frames many findings of one file in turn. */
let lastIndexed: { readonly text: string; readonly starts: readonly number[] } | undefined;

function lineStarts(text: string): readonly number[] {
  if (lastIndexed?.text === text) return lastIndexed.starts;
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  lastIndexed = { text, starts };
  return starts;
}

/** The text of line `line` (1-based), without its line break: a file may hold one 50 MB line. */
function lineAt(text: string, line: number): string | undefined {
  const starts = lineStarts(text);
  const start = starts[line - 1];
  if (start === undefined || (start === text.length && line > 1)) return undefined;
  const next = starts[line];
  const found = text.slice(start, next === undefined ? text.length : next - 1);
  return found.endsWith('\r') ? found.slice(0, -1) : found;
}

/** Moves an index off the second half of a surrogate pair, so that a cut never splits a character. */
const onCharacter = (text: string, index: number) =>
  index > 0 && index < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(index)) ? index - 1 : index;

/**
 * The offending line with a caret under the column, like a compiler:
 *
 *     14 |       max: 12
 *        |            ^
 *
 * A long line is cut to {@link FRAME_WIDTH} characters around the column, with `…` where it was cut;
 * control characters are shown as escapes (`\x1b`), and the caret stays under the column.
 */
export function codeFrame(text: string, line: number, column: number, indent = '  '): string[] {
  const source = lineAt(text, line);
  if (source === undefined) return [];
  const at = Math.max(0, Math.min(column - 1, source.length));
  const from = source.length <= FRAME_WIDTH ? 0 : onCharacter(source, Math.max(0, at - FRAME_WIDTH / 2));
  const to = onCharacter(source, Math.min(source.length, from + FRAME_WIDTH));
  const shown = (part: string) => oneLine(part.replace(/\t/g, ' '));
  const before = `${from > 0 ? '…' : ''}${shown(source.slice(from, at))}`;
  const after = `${shown(source.slice(at, to))}${to < source.length ? '…' : ''}`;
  const gutter = String(line);
  return [
    `${indent}${gutter} | ${before}${after}`.trimEnd(),
    `${indent}${' '.repeat(gutter.length)} | ${' '.repeat(displayWidth(before))}^`,
  ];
}
