import { decide, type Explained, type Step } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import { REQUEST_CODES } from './codes';
import type { Problem } from './shape';

/** A value as a refusal shows it: short, and never by calling into it. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date)
    return Number.isFinite(value.getTime()) ? `a Date (${value.getTime()})` : 'an invalid Date';
  return 'an object';
}

/** The finding of a malformed request (PR8100): which method, where, what belongs there, what was found. */
export function malformedFinding(method: string, found: Problem): Finding {
  const path = found.path === '' ? 'request' : found.path;
  return createFinding(
    REQUEST_CODES.malformed,
    { method, path, expected: found.expected, received: describeValue(found.received) },
    { rule: 'request.shape', subject: `${method}:${path}` },
  );
}

/** A decision refusing a malformed request: one step, one finding, nothing judged. */
export function refuseMalformed(method: string, found: Problem): Explained {
  const finding = malformedFinding(method, found);
  const step: Step = { rule: 'request.shape', outcome: 'failed', detail: finding.message, data: finding.data };
  return decide([step], [finding]);
}
