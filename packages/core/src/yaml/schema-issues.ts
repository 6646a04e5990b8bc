import type * as z from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { clip } from '../_lib/clip';
import { suggest } from '../_lib/suggest';
import { formatPath, type PathSegment } from './tree';
import { PACK_CODES } from '../pack/codes';

/** A schema problem in our own vocabulary, before it is placed in the file. */
export type SchemaProblem =
  | {
      code: typeof PACK_CODES.unknownKey;
      path: PathSegment[];
      at: 'key';
      params: { key: string; suggestion?: string; allowed: string[] };
    }
  | {
      code: typeof PACK_CODES.wrongType;
      path: PathSegment[];
      at: 'value';
      params: { expected: string; received: string };
    }
  | {
      code: typeof PACK_CODES.invalidValue;
      path: PathSegment[];
      at: 'value';
      params: { value: string; allowed: string[]; suggestion?: string };
    }
  | { code: typeof PACK_CODES.missingKey; path: PathSegment[]; at: 'parent'; params: { key: string } }
  | {
      code: typeof PACK_CODES.outOfRange;
      path: PathSegment[];
      at: 'value';
      params: { bound: 'min' | 'max'; limit: number; what: 'value' | 'length' | 'items'; inclusive?: false };
    }
  | {
      code: typeof PACK_CODES.invalidFormat;
      path: PathSegment[];
      at: 'value' | 'key';
      params: { value: string; format: string };
    };

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
  keyType?: { _zod: { def: SchemaDef } };
  entries?: Record<string, string | number>;
  options?: { _zod: { def: SchemaDef } }[];
  in?: { _zod: { def: SchemaDef } };
}

function defOf(schema: unknown): SchemaDef {
  return (schema as { _zod: { def: SchemaDef } })._zod.def;
}

/** The object shapes a schema may take at a path (several where a union allows several). */
function objectDefsAt(def: SchemaDef, path: readonly PathSegment[]): SchemaDef[] {
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return objectDefsAt(defOf(def.innerType), path);
    case 'pipe':
      return objectDefsAt(defOf(def.in), path);
    case 'union':
      return (def.options ?? []).flatMap((option) => objectDefsAt(defOf(option), path));
    default:
      break;
  }
  if (path.length === 0) return def.type === 'object' || def.type === 'record' ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape && typeof head === 'string' && def.shape[head])
    return objectDefsAt(defOf(def.shape[head]), rest);
  if (def.type === 'array' && def.element) return objectDefsAt(defOf(def.element), rest);
  if (def.type === 'record' && def.valueType) return objectDefsAt(defOf(def.valueType), rest);
  return [];
}

function keysOf(def: SchemaDef): string[] {
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  const keyDef = def.keyType && defOf(def.keyType);
  return keyDef?.entries ? Object.values(keyDef.entries).map(String) : [];
}

export function knownKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  return [...new Set(objectDefsAt(defOf(schema), path).flatMap(keysOf))];
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** A value's type as the messages name it: `1e309` and `.inf` are infinite, `.nan` not a number, `1.5` a decimal. */
function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return 'infinite';
    if (!Number.isInteger(value)) return 'decimal';
  }
  return typeof value;
}

/** A value as a message echoes it: its text, cut to a bounded width. */
const echo = (value: unknown) => clip(String(value));

/** Picks the union branch the writer most likely meant: the one that failed deepest, then with fewest problems. */
function bestBranch(branches: readonly (readonly $ZodIssue[])[]): readonly $ZodIssue[] {
  const score = (issues: readonly $ZodIssue[]) => {
    const rootTypeMiss = issues.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
    return (rootTypeMiss ? 1000 : 0) + issues.length;
  };
  return [...branches].sort((a, b) => score(a) - score(b))[0] ?? [];
}

function toProblems(issue: $ZodIssue, base: readonly PathSegment[], schema: z.ZodType, data: unknown): SchemaProblem[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = knownKeysAt(schema, path);
      return issue.keys.map((key) => {
        const suggestion = suggest(key, allowed);
        return {
          code: PACK_CODES.unknownKey,
          path: [...path, key],
          at: 'key',
          params: { key: clip(key), allowed, ...(suggestion && { suggestion }) },
        };
      });
    }
    case 'invalid_type':
      if (value === undefined)
        return [{ code: PACK_CODES.missingKey, path, at: 'parent', params: { key: String(path.at(-1) ?? '') } }];
      return [
        {
          code: PACK_CODES.wrongType,
          path,
          at: 'value',
          params: { expected: issue.expected, received: typeOfValue(value) },
        },
      ];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const text = echo(value);
      const suggestion = suggest(text, allowed);
      return [
        {
          code: PACK_CODES.invalidValue,
          path,
          at: 'value',
          params: { value: text, allowed, ...(suggestion && { suggestion }) },
        },
      ];
    }
    case 'invalid_union': {
      if (issue.errors.length === 0) return [];
      const allRootTypeMisses = issue.errors.every((branch) =>
        branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
      );
      if (allRootTypeMisses && value !== undefined) {
        const expected = [
          ...new Set(
            issue.errors.flatMap((branch) =>
              branch
                .filter((inner) => inner.code === 'invalid_type')
                .map((inner) => (inner as { expected: string }).expected),
            ),
          ),
        ];
        return [
          {
            code: PACK_CODES.wrongType,
            path,
            at: 'value',
            params: { expected: expected.join(' | '), received: typeOfValue(value) },
          },
        ];
      }
      return bestBranch(issue.errors).flatMap((inner) => toProblems(inner, path, schema, data));
    }
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'length' : 'value';
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      // `.positive()` is `> 0`: "at least 0" would call the refused value allowed.
      const strict = issue.inclusive === false && what === 'value';
      return [
        {
          code: PACK_CODES.outOfRange,
          path,
          at: 'value',
          params: {
            bound: issue.code === 'too_small' ? 'min' : 'max',
            limit,
            what,
            ...(strict && { inclusive: false }),
          },
        },
      ];
    }
    case 'not_multiple_of':
      return [
        {
          code: PACK_CODES.invalidFormat,
          path,
          at: 'value',
          params: { value: echo(value), format: `a multiple of ${String(issue.divisor)}` },
        },
      ];
    case 'invalid_format':
      return [
        {
          code: PACK_CODES.invalidFormat,
          path,
          at: 'value',
          params: { value: echo(value), format: issue.format === 'regex' ? issue.message : issue.format },
        },
      ];
    case 'custom':
      return [
        { code: PACK_CODES.invalidFormat, path, at: 'value', params: { value: echo(value), format: issue.message } },
      ];
    case 'invalid_key': {
      const key = echo(path.at(-1));
      const format = issue.issues.find((inner) => inner.code === 'invalid_format');
      if (format?.code === 'invalid_format') {
        return [
          {
            code: PACK_CODES.invalidFormat,
            path,
            at: 'key',
            params: { value: key, format: format.format === 'regex' ? format.message : format.format },
          },
        ];
      }
      const allowed = issue.issues.flatMap((inner) => (inner.code === 'invalid_value' ? inner.values.map(String) : []));
      const suggestion = suggest(key, allowed);
      return [
        { code: PACK_CODES.unknownKey, path, at: 'key', params: { key, allowed, ...(suggestion && { suggestion }) } },
      ];
    }
    case 'invalid_element':
      return issue.issues.flatMap((inner) => toProblems(inner, path, schema, data));
    default:
      return [
        {
          code: PACK_CODES.wrongType,
          path,
          at: 'value',
          params: { expected: (issue as { code: string }).code, received: typeOfValue(value) },
        },
      ];
  }
}

/** Maps zod's issues onto our codes, with suggestions for misspelt keys and values. */
export function schemaProblems(issues: readonly $ZodIssue[], schema: z.ZodType, data: unknown): SchemaProblem[] {
  const problems = issues.flatMap((issue) => toProblems(issue, [], schema, data));
  // `designatedby` for `designatedBy`: the misspelt key says it all; the "missing" twin would only repeat it.
  const misspelt = new Set(
    problems.flatMap((problem) => {
      const { suggestion } = problem.code === PACK_CODES.unknownKey ? (problem.params as { suggestion?: string }) : {};
      return suggestion ? [formatPath([...problem.path.slice(0, -1), suggestion])] : [];
    }),
  );
  return problems.filter(
    (problem) => problem.code !== PACK_CODES.missingKey || !misspelt.has(formatPath(problem.path)),
  );
}
