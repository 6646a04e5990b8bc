/**
 * A fast path for reading records: the record schemas compiled into plain predicates, giving the
 * same answer and the same output as zod for the constructs the dataset schemas use. When a line
 * fails it, zod reads a pristine copy of it again to say why; when a schema uses anything else,
 * compiling declines and zod alone is used. `fast.test.ts` checks the two agree on generated records.
 *
 * Objects and arrays are read IN PLACE — defaults filled in, transformed fields replaced — so that a
 * valid line costs no allocation beyond JSON.parse: a reader must only be given values its caller
 * owns (fresh from JSON.parse or a deep copy), and a value it FAILs may be left half-changed.
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

/** How many distinct primitive inputs a transform's results are remembered for (terms: a handful). */
const MEMO_LIMIT = 4096;

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
  if (all.length === 0) return (value) => (base(value) ? value : FAIL);
  if (all.length === 1) {
    const only = all[0]!;
    return (value) => (base(value) && only(value) ? value : FAIL);
  }
  return (value) => (base(value) && all.every((item) => item(value)) ? value : FAIL);
}

interface Field {
  readonly read: Reader;
  readonly required: boolean;
}

function compileObject(def: Def): Reader | undefined {
  if (defOf(def.catchall).type !== 'never') return undefined;
  const fields = new Map<string, Field>();
  const defaults: [string, unknown][] = [];
  let required = 0;
  for (const [key, schema] of Object.entries(def.shape ?? {})) {
    const read = compile(schema);
    if (!read) return undefined;
    // What an absent key reads as: FAIL (required), undefined (optional) or its default.
    const absent = read(undefined);
    if (absent === FAIL) required++;
    else if (absent !== undefined) {
      if (typeof absent === 'object') return undefined;
      defaults.push([key, absent]);
    }
    fields.set(key, { read, required: absent === FAIL });
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    const record = value as Record<string, unknown>;
    let seen = 0;
    for (const key in record) {
      const field = fields.get(key);
      if (field === undefined) return FAIL;
      const given = record[key];
      const read = field.read(given);
      if (read === FAIL) return FAIL;
      if (read !== given) record[key] = read;
      if (field.required) seen++;
    }
    if (seen !== required) return FAIL;
    for (const [key, fallback] of defaults) if (!(key in record)) record[key] = fallback;
    return record;
  };
}

/** A transform of primitive values, remembered: the dataset's transforms (terms) are pure and see few distinct values. */
function memoised(inner: Reader, transform: NonNullable<Def['transform']>): Reader {
  const memo = new Map<unknown, unknown>();
  return (value) => {
    const primitive = typeof value !== 'object' || value === null;
    if (primitive && memo.has(value)) return memo.get(value);
    const read = inner(value);
    let result: unknown = FAIL;
    if (read !== FAIL) {
      let failed = false;
      const out = transform(read, { addIssue: () => (failed = true), issues: [], value: read });
      if (!failed) result = out;
    }
    if (primitive && memo.size < MEMO_LIMIT) memo.set(value, result);
    return result;
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
      return withChecks(def, values.length === 1 ? (value) => value === values[0] : (value) => values.includes(value));
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
        for (let index = 0; index < value.length; index++) {
          const given: unknown = value[index];
          const read = element(given);
          if (read === FAIL) return FAIL;
          if (read !== given) value[index] = read;
        }
        return value;
      };
    }
    case 'union': {
      // In place, a failed option could leave the value changed for the next: unions of primitives only.
      const primitive = (def.options ?? []).every((option) => ['string', 'number', 'boolean', 'literal', 'enum'].includes(defOf(option).type));
      const options = (def.options ?? []).map(compile);
      if (!primitive || options.some((option) => option === undefined) || (def.checks ?? []).length > 0) return undefined;
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
      return memoised(inner, out.transform);
    }
    case 'object':
      return (def.checks ?? []).length > 0 ? undefined : compileObject(def);
    default:
      return undefined;
  }
}
