// Runs one scenario against its pack and says, in both languages, why it came out as it did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actingFor,
  checkDuties,
  DUTIES,
  type Duty,
  effectiveFor,
  type EffectivePack,
  type Finding,
  formatSource,
  parseTerm,
  type PackInput,
  provenanceOf,
  type Source,
  validatePack,
  type Validation,
  valueAtPath,
} from '@portfolio-rules/core';
import { parse, stringify } from 'yaml';
import { REPO_DIR, SCHOOLS_DIR } from './packs';
import type { ExpectedFinding, Scenario } from './scenario';

export interface Outcome {
  /** What did not come out as expected; empty when the scenario passes. */
  readonly failures: readonly string[];
  /** The decision as a person reads it: findings with their clauses, values with who set them. */
  readonly explanation: readonly string[];
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Lays `change` over `base`: maps merge key by key, anything else is replaced. */
function overlay(base: unknown, change: unknown): unknown {
  if (!isPlain(base) || !isPlain(change)) return change;
  const result: Plain = { ...base };
  for (const [key, value] of Object.entries(change)) result[key] = overlay(base[key], value);
  return result;
}

/** True when every key written in `expected` has the same value in `actual` (lists compare item by item, in full). */
export function matches(expected: unknown, actual: unknown): boolean {
  if (isPlain(expected)) return isPlain(actual) && Object.entries(expected).every(([key, value]) => matches(value, actual[key]));
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((value, i) => matches(value, actual[i]));
  return Object.is(expected, actual);
}

function sameSource(expected: string, actual: Source | undefined, document: string): boolean {
  if (!actual) return false;
  return expected === formatSource(actual) || (actual.document === document && expected === actual.clause);
}

function findingMatches(expected: ExpectedFinding, actual: Finding, document: string): boolean {
  if (typeof expected === 'string') return actual.code === expected;
  if (expected.code !== actual.code) return false;
  if (expected.severity !== undefined && expected.severity !== actual.severity) return false;
  if (expected.subject !== undefined && expected.subject !== actual.subject) return false;
  if (expected.layer !== undefined && expected.layer !== actual.layer) return false;
  if (expected.source !== undefined && !sameSource(expected.source, actual.source, document)) return false;
  if (expected.at !== undefined) {
    const [line, column] = String(expected.at).split(':').map(Number);
    if (actual.position?.line !== line || (column !== undefined && actual.position?.column !== column)) return false;
  }
  return true;
}

/** Every expected finding matched by a different actual one, and nothing left over. */
function compareFindings(expected: readonly ExpectedFinding[], actual: readonly Finding[], document: string): string[] {
  const left = [...actual];
  const missing: ExpectedFinding[] = [];
  for (const want of expected) {
    const index = left.findIndex((finding) => findingMatches(want, finding, document));
    if (index >= 0) left.splice(index, 1);
    else missing.push(want);
  }
  return [
    ...missing.map((want) => `expected finding not raised: ${JSON.stringify(want)}`),
    ...left.map((finding) => `unexpected finding: ${finding.code} ${finding.subject}`),
  ];
}

export function describeFinding(finding: Finding): string {
  const where = finding.position ? ` @${finding.position.line}:${finding.position.column}` : '';
  const cited = [finding.layer, formatSource(finding.source)].filter(Boolean).join(' ');
  return `${finding.severity} ${finding.code} ${finding.subject}${where}${cited ? ` [${cited}]` : ''}\n      ${finding.message['zh-TW']}\n      ${finding.message.en}`;
}

/** The paths of the leaves written in an expected value, under `path`. */
function leafPaths(path: string, value: unknown): string[] {
  if (Array.isArray(value) && value.some((inner) => isPlain(inner))) return value.flatMap((inner, index) => leafPaths(`${path}.${index}`, inner));
  if (!isPlain(value)) return [path];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(`${path}.${key}`, inner));
}

interface Context {
  readonly scenario: Scenario;
  readonly document: string;
  readonly validation: Validation;
  readonly failures: string[];
  readonly explanation: string[];
}

function termOf(context: Context): string | number | undefined {
  return context.scenario.given?.term ?? context.validation.loaded.pack?.appliesFrom;
}

function effectiveAt(context: Context): EffectivePack | undefined {
  const { validation, failures } = context;
  const term = termOf(context);
  if (term === undefined) {
    failures.push('given.term is needed to read the rules (the pack has no appliesFrom)');
    return undefined;
  }
  const parsed = parseTerm(term);
  const effective = validation.resolution && parsed && effectiveFor(validation.resolution, parsed);
  const { applies } = context.scenario.expect;
  if (effective) context.explanation.push(`rules for term ${String(term)}: ${effective.layers.join(' → ')}`);
  else context.explanation.push(`no rules for term ${String(term)}: outside the pack's period`);
  if (applies !== undefined ? applies !== Boolean(effective) : !effective) {
    failures.push(`term ${String(term)}: expected the pack ${applies === false ? 'not ' : ''}to apply, ${effective ? 'it does' : 'it does not'}`);
  }
  return effective;
}

function checkRule(context: Context, path: string): void {
  const effective = effectiveAt(context);
  if (effective) checkValue(context, effective, path);
}

/** Compares the effective value at a path, who set it, and the national bound over it. */
function checkValue(context: Context, effective: EffectivePack, path: string): void {
  const { scenario, failures, explanation, document } = context;
  const { expect } = scenario;
  const value = valueAtPath(effective.values, path);
  explanation.push(`${path} = ${JSON.stringify(value)}`);
  if (expect.value !== undefined && !matches(expect.value, value)) failures.push(`${path}: expected ${JSON.stringify(expect.value)}, got ${JSON.stringify(value)}`);
  for (const leaf of expect.value === undefined ? [path] : leafPaths(path, expect.value)) {
    const setBy = provenanceOf(effective.provenance, leaf);
    explanation.push(`  ${leaf} set by ${setBy?.layer ?? '—'} ${formatSource(setBy?.source)}`);
    if (expect.layer !== undefined && setBy?.layer !== expect.layer) failures.push(`${leaf}: expected layer ${expect.layer}, got ${setBy?.layer ?? 'none'}`);
    if (expect.source !== undefined && !sameSource(expect.source, setBy?.source, document)) {
      failures.push(`${leaf}: expected source ${expect.source}, got ${formatSource(setBy?.source) || 'none'}`);
    }
  }
  if (expect.nationalBound) {
    const bound = effective.bounds.find((b) => b.path === path || path.startsWith(`${b.path}.`) || b.path.startsWith(`${path}.`));
    explanation.push(`national bound: ${bound ? JSON.stringify(bound) : 'none'}`);
    const actual = bound && { ...bound, source: formatSource(bound.source) };
    if (!matches(expect.nationalBound, actual)) failures.push(`national bound: expected ${JSON.stringify(expect.nationalBound)}, got ${JSON.stringify(actual ?? null)}`);
  }
}

/** The window entry that holds for an activity, a grade and a semester: the most specific one written. */
function checkWindow(context: Context, when: { window: string; grade?: 1 | 2 | 3; semester?: 1 | 2 }): void {
  const effective = effectiveAt(context);
  if (!effective) return;
  const semester = when.semester ?? parseTerm(termOf(context))?.semester ?? 1;
  const candidates = (effective.values.windows ?? [])
    .map((window, index) => ({ window, index }))
    .filter(({ window }) => window.activity === when.window)
    .filter(({ window }) => !window.semesters || window.semesters.includes(semester))
    .filter(({ window }) => !window.grades || when.grade === undefined || window.grades.includes(when.grade))
    .sort((a, b) => Number(b.window.grades !== undefined) - Number(a.window.grades !== undefined));
  const found = candidates[0];
  if (!found) {
    context.explanation.push(`no window for ${when.window} (semester ${semester}${when.grade ? `, grade ${when.grade}` : ''})`);
    const wanted = context.scenario.expect.value;
    if (wanted !== undefined && wanted !== null) context.failures.push(`no window for ${when.window}`);
    return;
  }
  checkValue(context, effective, `windows.${found.index}`);
}

function checkActing(context: Context, duty: string, division: 'day' | 'continuingEducation' | undefined): readonly Finding[] {
  const { scenario, failures, explanation } = context;
  if (!(DUTIES as readonly string[]).includes(duty)) {
    failures.push(`unknown duty ${duty} (known: ${DUTIES.join(', ')})`);
    return [];
  }
  const effective = effectiveAt(context);
  if (!effective) return [];
  const result = actingFor(effective, duty as Duty, { unavailable: scenario.given?.unavailable ?? [], ...(division && { division }) });
  explanation.push(`chain: ${result.chain.join(' → ')}`);
  explanation.push(`walked: ${result.walked.map((step) => `${step.who}${step.available ? ' ✓' : ' ✗'}`).join(', ')}`);
  explanation.push(`acting: ${result.acting ?? 'nobody'}`);
  const { expect } = scenario;
  if (expect.acting !== undefined && (result.acting ?? 'nobody') !== expect.acting) failures.push(`acting: expected ${expect.acting}, got ${result.acting ?? 'nobody'}`);
  if (expect.chain !== undefined && !matches(expect.chain, result.chain)) failures.push(`chain: expected ${expect.chain.join(' → ')}, got ${result.chain.join(' → ')}`);
  return result.findings;
}

/** The pack audit for the term: what `portfolio-rules audit` reports about the rules themselves. */
function audit(context: Context): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  return checkDuties(effective, { positions: context.validation.loaded.positions });
}

/** Runs a scenario of the pack in `schools/<folder>/`. */
export function runScenario(folder: string, scenario: Scenario, overlays: Readonly<Record<string, PackInput>>): Outcome {
  const packPath = join(SCHOOLS_DIR, folder, scenario.pack ?? 'pack.yaml');
  const file = packPath.slice(REPO_DIR.length + 1);
  let text = readFileSync(packPath, 'utf8');
  if (scenario.given?.change) text = stringify(overlay(parse(text), scenario.given.change));
  const validation = validatePack(text, { file, overlays });
  const document = validation.loaded.pack?.document ?? '';
  const context: Context = { scenario, document, validation, failures: [], explanation: [] };
  const { when, expect } = scenario;

  let findings: readonly Finding[] = validation.findings;
  if (typeof when === 'object' && 'rule' in when) checkRule(context, when.rule);
  if (typeof when === 'object' && 'window' in when) checkWindow(context, when);
  if (when === 'audit') findings = audit(context);
  if (typeof when === 'object' && 'acting' in when) findings = checkActing(context, when.acting, when.division);

  context.explanation.push(...(findings.length === 0 ? ['no findings'] : findings.map(describeFinding)));
  if (expect.findings) context.failures.push(...compareFindings(expect.findings, findings, document));
  if (expect.allowed !== undefined) {
    const allowed = !findings.some((finding) => finding.severity === 'error');
    if (allowed !== expect.allowed) context.failures.push(`expected ${expect.allowed ? 'allowed' : 'refused'}, got ${allowed ? 'allowed' : 'refused'}`);
  }
  return { failures: context.failures, explanation: context.explanation };
}
