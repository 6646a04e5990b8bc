import { unreachable } from '@portfolio-rules/core/internal';
/** A run of text both versions share (`equal`), or that only the new (`insert`) or the old (`delete`) has. */
export interface Piece {
  readonly kind: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** Beyond this many cells the table of common lengths is not built: the texts are shown as replaced whole. */
const MAX_CELLS = 4_000_000;

/** The longest common subsequence of two character lists, as pieces in order. */
function commonPieces(before: readonly string[], after: readonly string[]): Piece[] {
  const rows = before.length;
  const columns = after.length;
  const width = columns + 1;
  // lengths[i][j]: the longest common subsequence of before[i..] and after[j..].
  const lengths = new Uint32Array((rows + 1) * width);
  const length = (i: number, j: number) => lengths[i * width + j] ?? unreachable(`cell ${i}, ${j}`);
  const char = (list: readonly string[], index: number) => list[index] ?? unreachable(`character ${index}`);
  for (let i = rows - 1; i >= 0; i--)
    for (let j = columns - 1; j >= 0; j--)
      lengths[i * width + j] =
        before[i] === after[j] ? length(i + 1, j + 1) + 1 : Math.max(length(i + 1, j), length(i, j + 1));
  const pieces: Piece[] = [];
  const push = (kind: Piece['kind'], text: string) => {
    const last = pieces.at(-1);
    if (last?.kind === kind) pieces[pieces.length - 1] = { kind, text: last.text + text };
    else pieces.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      push('equal', char(before, i));
      i++;
      j++;
    } else if (length(i + 1, j) >= length(i, j + 1)) {
      push('delete', char(before, i++));
    } else {
      push('insert', char(after, j++));
    }
  }
  while (i < rows) push('delete', char(before, i++));
  while (j < columns) push('insert', char(after, j++));
  return pieces;
}

/** Adjacent pieces of one kind joined, and in each run of changes the deleted text before the inserted. */
function normalize(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ kind: 'delete', text: deleted });
    if (inserted) out.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'delete') deleted += piece.text;
    else if (piece.kind === 'insert') inserted += piece.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.kind === 'equal') out[out.length - 1] = { kind: 'equal', text: last.text + piece.text };
      else if (piece.text) out.push(piece);
    }
  }
  flush();
  return out;
}

/**
 * An equality no longer than the changes on both its sides is chance (two rewritten sentences that
 * share a 之 or a 學生): it is folded into the changes, so that a reader sees the words that were
 * replaced rather than a scatter of single characters.
 */
function foldChance(pieces: readonly Piece[]): Piece[] {
  let current = normalize(pieces);
  for (;;) {
    const changed = (from: number, step: number) => {
      let deleted = 0;
      let inserted = 0;
      for (let k = from; k >= 0 && k < current.length; k += step) {
        const piece = current[k] ?? unreachable(`piece ${k}`);
        if (piece.kind === 'equal') break;
        if (piece.kind === 'delete') deleted += [...piece.text].length;
        else inserted += [...piece.text].length;
      }
      return Math.max(deleted, inserted);
    };
    const index = current.findIndex(
      (piece, at) =>
        piece.kind === 'equal' &&
        at > 0 &&
        at < current.length - 1 &&
        [...piece.text].length <= changed(at - 1, -1) &&
        [...piece.text].length <= changed(at + 1, 1),
    );
    if (index < 0) return current;
    const folded = (current[index] ?? unreachable(`piece ${index}`)).text;
    current = normalize([
      ...current.slice(0, index),
      { kind: 'delete', text: folded },
      { kind: 'insert', text: folded },
      ...current.slice(index + 1),
    ]);
  }
}

/**
 * What changed between two texts, character by character (Chinese has no spaces to split words
 * on): the common prefix and suffix, the longest common subsequence between them, chance
 * equalities folded into the changes. Texts too long to compare are replaced whole.
 */
export function diffText(before: string, after: string): Piece[] {
  if (before === after) return before ? [{ kind: 'equal', text: before }] : [];
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middleBefore = a.slice(start, a.length - end);
  const middleAfter = b.slice(start, b.length - end);
  const middle =
    (middleBefore.length + 1) * (middleAfter.length + 1) > MAX_CELLS
      ? [
          { kind: 'delete' as const, text: middleBefore.join('') },
          { kind: 'insert' as const, text: middleAfter.join('') },
        ]
      : commonPieces(middleBefore, middleAfter);
  return foldChance([
    { kind: 'equal', text: a.slice(0, start).join('') },
    ...middle,
    { kind: 'equal', text: a.slice(a.length - end).join('') },
  ]);
}

/** How much of the longer text the two share: 1 for equal texts, near 0 for rewritten ones. */
export function sharedShare(pieces: readonly Piece[]): number {
  let equal = 0;
  let before = 0;
  let after = 0;
  for (const piece of pieces) {
    const length = [...piece.text].length;
    if (piece.kind !== 'insert') before += length;
    if (piece.kind !== 'delete') after += length;
    if (piece.kind === 'equal') equal += length;
  }
  const longer = Math.max(before, after);
  return longer === 0 ? 1 : equal / longer;
}
