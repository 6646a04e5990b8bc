// Comparing what a scenario expects with what core decided, and printing a finding for people.
import type { Finding } from '../catalogue';
import { formatSource, type Localized, type Source } from '../findings';
import type { ScenarioFailure } from './context';
import type { ExpectedFinding } from './format';

export type Plain = Record<string, unknown>;
export const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Lays `change` over `base`: maps merge key by key, anything else is replaced. */
export function overlay(base: unknown, change: unknown): unknown {
  if (!isPlain(base) || !isPlain(change)) return change;
  const result: Plain = { ...base };
  for (const [key, value] of Object.entries(change)) result[key] = overlay(base[key], value);
  return result;
}

/** True when every key written in `expected` has the same value in `actual` (lists compare item by item, in full). */
export function matches(expected: unknown, actual: unknown): boolean {
  if (isPlain(expected))
    return isPlain(actual) && Object.entries(expected).every(([key, value]) => matches(value, actual[key]));
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((value, i) => matches(value, actual[i]))
    );
  return Object.is(expected, actual);
}

/**
 * True when a layer is the one expected: written in full (`school:magong`, `national@2022-08-01`), or
 * by its kind alone (`school`, `overlay`, `national`), so that a school's scenarios keep passing
 * under any id (a folder made by `init`, a copied template).
 */
export function sameLayer(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return expected === actual || (/^[a-z]+$/.test(expected) && actual.split(/[:@]/)[0] === expected);
}

export function sameSource(expected: string, actual: Source | undefined, document: string): boolean {
  if (!actual) return false;
  return expected === formatSource(actual) || (actual.document === document && expected === actual.clause);
}

function findingMatches(expected: ExpectedFinding, actual: Finding, document: string): boolean {
  if (typeof expected === 'string') return actual.code === expected;
  if (expected.code !== actual.code) return false;
  if (expected.severity !== undefined && expected.severity !== actual.severity) return false;
  if (expected.subject !== undefined && expected.subject !== actual.subject) return false;
  if (expected.layer !== undefined && !sameLayer(expected.layer, actual.layer)) return false;
  if (expected.source !== undefined && !sameSource(expected.source, actual.source, document)) return false;
  if (expected.data !== undefined && !matches(expected.data, actual.data)) return false;
  if (expected.at !== undefined) {
    const [line, column] = String(expected.at).split(':').map(Number);
    if (actual.position?.line !== line || (column !== undefined && actual.position?.column !== column)) return false;
  }
  return true;
}

/** Every expected finding matched by a different actual one, and nothing left over. */
export function compareFindings(
  expected: readonly ExpectedFinding[],
  actual: readonly Finding[],
  document: string,
): ScenarioFailure[] {
  const left = [...actual];
  const missing: ExpectedFinding[] = [];
  for (const want of expected) {
    const index = left.findIndex((finding) => findingMatches(want, finding, document));
    if (index >= 0) left.splice(index, 1);
    else missing.push(want);
  }
  return [
    ...missing.map((want) => ({
      subject: 'findings',
      expected: JSON.stringify(want),
      actual: '—',
      message: {
        'zh-TW': `預期之檢核結果未出現：${JSON.stringify(want)}`,
        en: `expected finding not raised: ${JSON.stringify(want)}`,
      },
    })),
    ...left.map((finding) => ({
      subject: 'findings',
      expected: '—',
      actual: `${finding.code} ${finding.subject}`,
      message: {
        'zh-TW': `未預期之檢核結果：${finding.code} ${finding.subject}`,
        en: `unexpected finding: ${finding.code} ${finding.subject}`,
      },
    })),
  ];
}

export function describeFinding(finding: Finding): Localized {
  const where = finding.position ? ` @${finding.position.line}:${finding.position.column}` : '';
  const cited = [finding.layer, formatSource(finding.source)].filter(Boolean).join(' ');
  const head = `${finding.code} ${finding.subject}${where}${cited ? ` [${cited}]` : ''}`;
  return {
    'zh-TW': `${SEVERITY_WORDS[finding.severity]} ${head}\n      ${finding.message['zh-TW']}`,
    en: `${finding.severity} ${head}\n      ${finding.message.en}`,
  };
}

const SEVERITY_WORDS = { error: '錯誤', warning: '警告', info: '說明' } as const;

/** The paths of the leaves written in an expected value, under `path`. */
export function leafPaths(path: string, value: unknown): string[] {
  if (Array.isArray(value) && value.some((inner) => isPlain(inner)))
    return value.flatMap((inner, index) => leafPaths(`${path}.${index}`, inner));
  if (!isPlain(value)) return [path];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(`${path}.${key}`, inner));
}
