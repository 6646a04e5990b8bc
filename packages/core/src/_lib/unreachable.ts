/**
 * For a value the engine's own bookkeeping guarantees (a term it has parsed, a row it handed out, an
 * index inside the loop's bounds) where the type system cannot see it: `map.get(key) ?? unreachable('…')`.
 * Reaching it is a bug in this library, never a problem with the user's input, and it says so at once
 * instead of carrying an undefined further.
 */
export function unreachable(what: string): never {
  throw new Error(`portfolio-rules internal error: no ${what}`);
}
