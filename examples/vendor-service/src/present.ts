/** A value the service's own queries guarantee (a row a statement always returns); a plain error if it is not there. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`vendor-service: no ${what}`);
  return value;
}
