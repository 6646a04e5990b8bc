import { clip } from '../_lib/clip';
import type { $ZodIssue } from 'zod/v4/core';
import { suggest } from '../_lib/suggest';
import { createFinding } from '../findings/define';
import type { FindingContext } from '../findings/define';
import type { Finding } from '../catalogue';
import { DATASET_CODES } from './codes';
import { isIsoDay } from './fields';
import { fieldsAt, type RecordTypeSpec } from './registry';
import { unreachable } from '../_lib/unreachable';
import { jsonOf } from '../_lib/json';

/** `files[0].type` from zod's path. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`,
    )
    .join('');
}

export function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * A value as a message echoes it, cut to a bounded width: a 2 MB bad date is shown in 200 characters.
 * A number is shown as a number: `1e309` read as JSON is `Infinity`, which JSON would write as `null`.
 */
const shown = (value: unknown) => {
  if (typeof value === 'string' || typeof value === 'number') return clip(String(value));
  return clip(jsonOf(value) ?? String(value));
};

/** Turns the first zod issue of a record into our finding; `problems` counts them all. */
export function issueFinding(
  issues: readonly $ZodIssue[],
  entry: RecordTypeSpec,
  data: unknown,
  line: number,
  context: FindingContext,
): Finding {
  const issue = issues[0] ?? unreachable('a zod issue');
  const type = entry.type;
  const path = issue.path;
  const field = fieldName(path);
  const value = valueAt(data, path);
  const more = { problems: issues.length };
  // Every dataset finding may say how many problems its record had (`problems`), beside its code's own data.
  const withMore = <F extends Finding>(finding: F): F => ({ ...finding, data: { ...finding.data, ...more } });
  if (value === undefined && issue.code !== 'unrecognized_keys')
    return withMore(createFinding(DATASET_CODES.missingField, { line, type, field }, context));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? unreachable('the unknown key');
      const suggestion = suggest(key, fieldsAt(entry, path));
      return withMore(
        createFinding(
          DATASET_CODES.unknownField,
          { line, type, field: fieldName([...path, key]), ...(suggestion && { suggestion }) },
          context,
        ),
      );
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = suggest(shown(value), allowed);
      return withMore(
        createFinding(
          DATASET_CODES.invalidValue,
          { line, type, field, value: shown(value), allowed, ...(suggestion && { suggestion }) },
          context,
        ),
      );
    }
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'string' && value === '')
        return withMore(createFinding(DATASET_CODES.missingField, { line, type, field }, context));
      return withMore(
        createFinding(
          DATASET_CODES.invalidValue,
          {
            line,
            type,
            field,
            value: shown(value),
            allowed: [
              `${issue.code === 'too_small' ? '≥' : '≤'} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`,
            ],
          },
          context,
        ),
      );
    case 'custom': {
      const declared = (issue.params as { format?: string } | undefined)?.format ?? 'value';
      // A real day that is refused lies outside the days a record may name.
      const format = declared === 'date' && typeof value === 'string' && isIsoDay(value) ? 'dateRange' : declared;
      return withMore(
        createFinding(DATASET_CODES.invalidFormat, { line, type, field, value: shown(value), format }, context),
      );
    }
    case 'invalid_union': {
      const expected = [
        ...new Set(
          issue.errors.flatMap((branch) =>
            branch.flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected] : [])),
          ),
        ),
      ];
      return withMore(
        createFinding(
          DATASET_CODES.wrongType,
          { line, type, field, expected: expected.join(' | '), received: typeOfValue(value) },
          context,
        ),
      );
    }
    case 'invalid_type':
      return withMore(
        createFinding(
          DATASET_CODES.wrongType,
          { line, type, field, expected: issue.expected, received: typeOfValue(value) },
          context,
        ),
      );
    default:
      return withMore(
        createFinding(
          DATASET_CODES.wrongType,
          { line, type, field, expected: issue.code, received: typeOfValue(value) },
          context,
        ),
      );
  }
}
