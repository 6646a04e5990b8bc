/**
 * A fast path for reading records: the record schemas compiled into plain predicates, giving the
 * same answer and the same output as zod for the constructs the dataset schemas use. When a line
 * fails it, zod reads it again to say why; when a schema uses anything else, compiling declines
 * and zod alone is used. `fast.test.ts` checks the two agree on generated records.
 */
export const FAIL: unique symbol = Symbol('fail');
type Reader = (value: unknown) => unknown;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  shape?: Record<string, unknown>;
  catchall?: unknown;
  innerType?: unknown;
  defaultValue?: unknown;
  element?: unknown;
  options?: unknown[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  in?: unknown;
  out?: unknown;
  transform?: (value: unknown, context: unknown) => unknown;
}

interface CheckDef {
  check: string;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function check(def: CheckDef): ((value: never) => boolean) | undefined {
  switch (def.check) {
    case 'min_length':
      return (value: string) => value.length >= def.minimum!;
    case 'greater_than':
      return def.inclusive ? (value: number) => value >= def.value! : (value: number) => value > def.value!;
    case 'less_than':
      return def.inclusive ? (value: number) => value <= def.value! : (value: number) => value < def.value!;
    case 'custom':
      return (value: never) => Boolean(def.fn!(value));
    default:
      return undefined;
  }
}

function withChecks(def: Def, base: (value: unknown) => boolean): Reader | undefined {
  const checks = (def.checks ?? []).map((item) => check(item._zod.def));
  if (checks.some((item) => item === undefined)) return undefined;
  const all = checks as ((value: unknown) => boolean)[];
  return (value) => (base(value) && all.every((item) => item(value)) ? value : FAIL);
}

function compileObject(def: Def): Reader | undefined {
  if (defOf(def.catchall).type !== 'never') return undefined;
  const fields = Object.entries(def.shape ?? {}).map(([key, field]) => [key, compile(field)] as const);
  if (fields.some(([, reader]) => reader === undefined)) return undefined;
  const known = new Set(fields.map(([key]) => key));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    for (const key in value) if (!known.has(key)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const [key, reader] of fields) {
      const read = reader!((value as Record<string, unknown>)[key]);
      if (read === FAIL) return FAIL;
      if (read !== undefined || key in value) out[key] = read;
    }
    return out;
  };
}

/** Compiles a schema into a reader returning the parsed value or FAIL; undefined when it cannot. */
export function compile(schema: unknown): Reader | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return withChecks(def, (value) => typeof value === 'string');
    case 'number':
      return withChecks(def, def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : (value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return withChecks(def, (value) => typeof value === 'boolean');
    case 'literal': {
      const values = def.values ?? [];
      return withChecks(def, (value) => values.includes(value));
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks(def, (value) => values.has(value));
    }
    case 'optional': {
      const inner = compile(def.innerType);
      return inner && ((value) => (value === undefined ? undefined : inner(value)));
    }
    case 'default': {
      const inner = compile(def.innerType);
      const fallback = def.defaultValue;
      return inner && (typeof fallback !== 'object' || fallback === null) ? (value) => (value === undefined ? fallback : inner(value)) : undefined;
    }
    case 'array': {
      const element = compile(def.element);
      if (!element || (def.checks ?? []).length > 0) return undefined;
      return (value) => {
        if (!Array.isArray(value)) return FAIL;
        const out: unknown[] = [];
        for (const item of value) {
          const read = element(item);
          if (read === FAIL) return FAIL;
          out.push(read);
        }
        return out;
      };
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      if (options.some((option) => option === undefined) || (def.checks ?? []).length > 0) return undefined;
      return (value) => {
        for (const option of options) {
          const read = option!(value);
          if (read !== FAIL) return read;
        }
        return FAIL;
      };
    }
    case 'pipe': {
      const inner = compile(def.in);
      const out = defOf(def.out);
      if (!inner || out.type !== 'transform' || !out.transform) return undefined;
      const transform = out.transform;
      return (value) => {
        const read = inner(value);
        if (read === FAIL) return FAIL;
        let failed = false;
        const result = transform(read, { addIssue: () => (failed = true), issues: [], value: read });
        return failed ? FAIL : result;
      };
    }
    case 'object':
      return (def.checks ?? []).length > 0 ? undefined : compileObject(def);
    default:
      return undefined;
  }
}
