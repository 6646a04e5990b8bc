/** `JSON.stringify` typed as it behaves: undefined for undefined, a function or a symbol. */
export function jsonOf(value: unknown, indent?: number): string | undefined {
  return JSON.stringify(value, null, indent);
}
