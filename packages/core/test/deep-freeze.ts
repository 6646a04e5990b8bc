/**
 * Freezes a value and everything reachable from it, so that a test proves a function does not
 * mutate its input: in ES modules (strict mode) a write to a frozen object throws.
 */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const inner of Object.values(value)) deepFreeze(inner, seen);
  return Object.freeze(value);
}
