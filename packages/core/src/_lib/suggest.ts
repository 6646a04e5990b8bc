import { unreachable } from './unreachable';
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? unreachable('the first cell');
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? unreachable(`cell ${j}`);
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] ?? unreachable(`cell ${j - 1}`)) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] ?? unreachable('the last cell');
}

/** The closest candidate to a misspelt word, when it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a 2 MB value is never compared letter by letter.
    if (Math.abs(candidate.length - word.length) > tolerance) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= tolerance ? best : undefined;
}
