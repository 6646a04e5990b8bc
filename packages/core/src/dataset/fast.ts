import { unreachable } from '../_lib/unreachable';
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
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
}

/** How many distinct primitive inputs a transform's results are remembered for (terms: a handful). */
const MEMO_LIMIT = 4096;

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function check(def: CheckDef): ((value: never) => boolean) | undefined {
  switch (def.check) {
    case 'min_length': {
      const minimum = def.minimum ?? unreachable('min_length.minimum');
      return (value: string) => value.length >= minimum;
    }
    case 'max_length': {
      const maximum = def.maximum ?? unreachable('max_length.maximum');
      return (value: string) => value.length <= maximum;
    }
    case 'greater_than': {
      const bound = def.value ?? unreachable('greater_than.value');
      return def.inclusive ? (value: number) => value >= bound : (value: number) => value > bound;
    }
    case 'less_than': {
      const bound = def.value ?? unreachable('less_than.value');
      return def.inclusive ? (value: number) => value <= bound : (value: number) => value < bound;
    }
    case 'custom': {
      const fn = def.fn ?? unreachable('custom.fn');
      return (value: never) => Boolean(fn(value));
    }
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
    const only = all[0] ?? unreachable('the check');
    return (value) => (base(value) && only(value) ? value : FAIL);
  }
  return (value) => (base(value) && all.every((item) => item(value)) ? value : FAIL);
}

/** How an object checks a field's value in its own loop (no call for the commonest leaves), or READ: by calling `read`. */
const READ = 0;
const STRING = 1;
const MEMBER = 2;
const BOOLEAN = 3;
const NUMBER = 4;
const INTEGER = 5;

interface Field {
  /** Reads a value given for the key (not undefined): the schema under its optional or default wrapper. */
  readonly read: Reader;
  /** What the key reads as when absent or undefined: FAIL (required), undefined (optional) or its default. */
  readonly absent: unknown;
  readonly kind: number;
  /** STRING: the least length. */
  readonly min: number;
  /** STRING: the greatest length. */
  readonly max: number;
  /** STRING: the one refinement; NUMBER, INTEGER: the one check (a bound or a refinement), if any. */
  readonly test: ((value: never) => unknown) | undefined;
  /** MEMBER: the enum's or literal's values. */
  readonly values: ReadonlySet<unknown> | undefined;
}

/**
 * The leaf a field's schema is, when it is a plain string (at most one least and one greatest length,
 * and one refinement: an id), number (one check), enum, literal or boolean.
 */
function leafOf(def: Def): Pick<Field, 'kind' | 'min' | 'max' | 'test' | 'values'> {
  const read = { kind: READ, min: 0, max: Infinity, test: undefined, values: undefined };
  const checks = (def.checks ?? []).map((item) => item._zod.def);
  if (def.type === 'string' && def.format === undefined) {
    const least = checks.filter((item) => item.check === 'min_length');
    const most = checks.filter((item) => item.check === 'max_length');
    const custom = checks.filter((item) => item.check === 'custom');
    if (least.length + most.length + custom.length !== checks.length) return read;
    if (least.length > 1 || most.length > 1 || custom.length > 1) return read;
    const test = custom[0]?.fn as ((value: string) => unknown) | undefined;
    return { ...read, kind: STRING, min: least[0]?.minimum ?? 0, max: most[0]?.maximum ?? Infinity, test };
  }
  if (def.type === 'number' && (def.format === undefined || def.format === 'safeint') && checks.length <= 1) {
    const only = checks[0];
    const test = checks.length === 1 && only !== undefined ? check(only) : undefined;
    if (checks.length === 1 && test === undefined) return read;
    return { ...read, kind: def.format === 'safeint' ? INTEGER : NUMBER, test };
  }
  if (checks.length > 0) return read;
  if (def.type === 'enum') return { ...read, kind: MEMBER, values: new Set(Object.values(def.entries ?? {})) };
  if (def.type === 'literal') return { ...read, kind: MEMBER, values: new Set(def.values ?? []) };
  if (def.type === 'boolean') return { ...read, kind: BOOLEAN };
  return read;
}

/** A field, its optional or default wrapper taken off so that a value given costs one call at most. */
function fieldOf(schema: unknown): Field | undefined {
  const whole = compile(schema);
  if (!whole) return undefined;
  const def = defOf(schema);
  const inner = def.type === 'optional' || def.type === 'default' ? def.innerType : schema;
  const read = inner === schema ? whole : compile(inner);
  return read && { read, absent: whole(undefined), ...leafOf(defOf(inner)) };
}

function compileObject(def: Def): Reader | undefined {
  if (def.catchall === undefined || defOf(def.catchall).type !== 'never') return undefined; // z.object() strips unknown keys: declined
  const fields = new Map<string, Field>();
  const defaults: [string, unknown][] = [];
  let required = 0;
  for (const [key, schema] of Object.entries(def.shape ?? {})) {
    const field = fieldOf(schema);
    if (!field) return undefined;
    if (field.absent === FAIL) required++;
    else if (field.absent !== undefined) {
      if (typeof field.absent === 'object') return undefined;
      defaults.push([key, field.absent]);
    }
    fields.set(key, field);
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    const record = value as Record<string, unknown>;
    let seen = 0;
    let defaulted = 0;
    for (const key in record) {
      const field = fields.get(key);
      if (field === undefined) return FAIL;
      const given = record[key];
      if (given === undefined) {
        if (field.absent === FAIL) return FAIL;
        if (field.absent !== undefined) record[key] = field.absent;
      } else if (field.kind === STRING) {
        if (
          typeof given !== 'string' ||
          given.length < field.min ||
          given.length > field.max ||
          (field.test !== undefined && !field.test(given as never))
        )
          return FAIL;
      } else if (field.kind === MEMBER) {
        if (!(field.values ?? unreachable('the members')).has(given)) return FAIL;
      } else if (field.kind === BOOLEAN) {
        if (typeof given !== 'boolean') return FAIL;
      } else if (field.kind === NUMBER || field.kind === INTEGER) {
        if (
          !(field.kind === INTEGER ? Number.isSafeInteger(given) : typeof given === 'number' && Number.isFinite(given))
        )
          return FAIL;
        if (field.test !== undefined && !field.test(given as never)) return FAIL;
      } else {
        const read = field.read(given);
        if (read === FAIL) return FAIL;
        if (read !== given) record[key] = read;
      }
      if (field.absent === FAIL) seen++;
      else if (field.absent !== undefined) defaulted++;
    }
    if (seen !== required) return FAIL;
    if (defaulted !== defaults.length) {
      for (let index = 0; index < defaults.length; index++) {
        const [key, fallback] = defaults[index] ?? unreachable(`default ${index}`);
        if (!(key in record)) record[key] = fallback;
      }
    }
    return record;
  };
}

/**
 * A transform, its results remembered for primitive inputs: the dataset's transforms (terms) are
 * pure and see few distinct values. Its context is reused: the dataset's transforms only call
 * `addIssue` (the term) or ignore it (the record's `kind`).
 */
function memoised(inner: Reader, transform: NonNullable<Def['transform']>): Reader {
  const memo = new Map<unknown, unknown>();
  let failed = false;
  const context = { addIssue: () => (failed = true), issues: [] as unknown[], value: undefined as unknown };
  return (value) => {
    const primitive = typeof value !== 'object' || value === null;
    if (primitive) {
      const known = memo.get(value);
      if (known !== undefined || memo.has(value)) return known;
    }
    const read = inner(value);
    let result: unknown = FAIL;
    if (read !== FAIL) {
      failed = false;
      context.value = read;
      const out = transform(read, context);
      context.value = undefined;
      // addIssue, called inside transform, may have set it.
      if (!(failed as boolean) && context.issues.length === 0) result = out;
      if (context.issues.length > 0) context.issues.length = 0;
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
      // A format (z.email() …) is a check of its own: declined.
      return def.format === undefined ? withChecks(def, (value) => typeof value === 'string') : undefined;
    case 'number':
      if (def.format !== undefined && def.format !== 'safeint') return undefined;
      return withChecks(
        def,
        def.format === 'safeint'
          ? (value) => Number.isSafeInteger(value)
          : (value) => typeof value === 'number' && Number.isFinite(value),
      );
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
      return inner && (typeof fallback !== 'object' || fallback === null)
        ? (value) => (value === undefined ? fallback : inner(value))
        : undefined;
    }
    case 'array': {
      const element = compile(def.element);
      if (!element || (def.checks ?? []).length > 0) return undefined;
      return (value) => {
        if (!Array.isArray(value)) return FAIL;
        const items: unknown[] = value;
        for (let index = 0; index < items.length; index++) {
          const given = items[index];
          const read = element(given);
          if (read === FAIL) return FAIL;
          if (read !== given) items[index] = read;
        }
        return items;
      };
    }
    case 'union': {
      // In place, a failed option could leave the value changed for the next: unions of primitives only.
      const primitive = (def.options ?? []).every((option) =>
        ['string', 'number', 'boolean', 'literal', 'enum'].includes(defOf(option).type),
      );
      const compiled = (def.options ?? []).map(compile);
      const options = compiled.filter((option) => option !== undefined);
      if (!primitive || options.length < compiled.length || (def.checks ?? []).length > 0) return undefined;
      return (value) => {
        for (const option of options) {
          const read = option(value);
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
