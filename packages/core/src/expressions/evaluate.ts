import * as jsonLogicModule from 'json-logic-js';
import { suggest } from '../_lib/suggest';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';
import { checkExpression, EXPRESSION_LIMITS, type ExpressionProblem } from './check';
import { EXPRESSION_CODES } from './codes';
import { FACT_PATHS, type Facts } from './facts';
import type { CustomRule } from './schema';

// json-logic-js is a UMD module: Node's ESM sees it as `default`, bundlers as the namespace.
// Only `apply` and `truthy` are used; never add_operation (its operations are global).
const jsonLogic = (jsonLogicModule as { default?: typeof jsonLogicModule }).default ?? jsonLogicModule;

const SCOPED = new Set(['all', 'some', 'none']);
const KNOWN = new Set(FACT_PATHS);

/** The fact paths an expression reads that are not documented facts (inside all/some/none, `var` reads the element and is not checked). */
export function unknownFacts(expression: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const [operator, argument] = Object.entries(node)[0] ?? [];
    if (operator === undefined) return;
    if (operator === 'var' || operator === 'missing' || operator === 'missing_some') {
      const paths =
        operator === 'var'
          ? [Array.isArray(argument) ? argument[0] : argument]
          : operator === 'missing'
            ? [argument].flat()
            : [Array.isArray(argument) ? argument[1] : []].flat();
      for (const path of paths) if (typeof path === 'string' && path !== '' && !KNOWN.has(path)) found.add(path);
      if (operator === 'var' && Array.isArray(argument)) visit(argument.slice(1));
      return;
    }
    if (SCOPED.has(operator) && Array.isArray(argument)) return visit(argument[0]);
    visit(argument);
  };
  visit(expression);
  return [...found];
}

function describe(problem: ExpressionProblem): string {
  switch (problem.kind) {
    case 'operator':
      return `operator ${problem.operator}`;
    case 'path':
      return `path ${problem.varPath}`;
    case 'malformed':
      return problem.detail;
    case 'cost':
      return `cost: up to ${problem.steps} steps, over ${EXPRESSION_LIMITS.steps}`;
    default:
      return problem.kind;
  }
}

/** Thrown from inside json-logic's evaluation when a rule has applied more operations than its budget. */
class BudgetSpent extends Error {}

/** Counts the operations one evaluation applies; past the limit, the next one stops the evaluation. */
interface Meter {
  steps: number;
  readonly limit: number;
}

/**
 * The expression with every operation counting its own application on the meter: json-logic reads
 * an operation's arguments (`logic[operator]`) once each time it applies it, so a getter there sees
 * every step, and throwing from it stops a runaway evaluation where it stands.
 */
function metered(expression: unknown, meter: Meter): unknown {
  if (Array.isArray(expression)) return expression.map((item) => metered(item, meter));
  if (expression === null || typeof expression !== 'object') return expression;
  const [operator, argument] = Object.entries(expression)[0] ?? [];
  if (operator === undefined) return expression;
  const inner = metered(argument, meter);
  return {
    get [operator]() {
      meter.steps++;
      if (meter.steps > meter.limit) throw new BudgetSpent();
      return inner;
    },
  };
}

/**
 * The fact paths a rule reads, each split at its dots, when everything it reads is a documented fact
 * named by a fixed `var` (no `missing`, no `all`/`some`/`none`, whose `var` reads an element): then
 * its answer on a fact depends on the values at those paths alone. Undefined otherwise. Read as
 * {@link metered} reads an expression: an object is its first operator.
 */
export function factsRead(expression: unknown): (readonly string[])[] | undefined {
  const paths = new Set<string>();
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.every(visit);
    if (node === null || typeof node !== 'object') return true;
    const [operator, argument] = Object.entries(node)[0] ?? [];
    if (operator === undefined) return true;
    if (operator === 'var') {
      const [path, ...rest] = Array.isArray(argument) ? (argument as unknown[]) : [argument];
      if (typeof path !== 'string' || !KNOWN.has(path)) return false;
      paths.add(path);
      return rest.every(visit);
    }
    if (operator === 'missing' || operator === 'missing_some' || SCOPED.has(operator)) return false;
    return visit(argument);
  };
  return visit(expression) ? [...paths].map((path) => path.split('.')) : undefined;
}

/** How many answers of one rule are kept: a rule reading the student id would have one per fact. */
const ANSWERS_KEPT = 4096;

/** The values at `paths`, as one text: facts alike there are alike to the rule (numbers, text, or nothing). */
function valuesAt(values: unknown, paths: readonly (readonly string[])[]): string {
  let key = '';
  for (const path of paths) {
    let value = values;
    for (const segment of path)
      value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[segment];
    key +=
      typeof value === 'number'
        ? Object.is(value, -0)
          ? '-0,'
          : `${value},`
        : value === undefined
          ? 'u,'
          : `${JSON.stringify(value)},`;
  }
  return key;
}

/** The finding of a custom rule that holds on a fact (PR6100). */
function customFinding(
  rule: CustomRule,
  context: { readonly rule: string; readonly source?: Source; readonly layer?: string },
  subject: string,
): Finding {
  return createFinding(
    EXPRESSION_CODES.customRule,
    { id: rule.id, text: rule.message },
    { ...context, subject, severity: rule.severity ?? 'warning' },
  );
}

/**
 * Evaluates the pack's custom rules (`rules:`) over precomputed facts: a rule is applied to the
 * facts it is about (`about`, default `studentTerm`) and raises its finding where its `when` holds.
 * A rule runs only after it passes {@link checkExpression} (which bounds its cost); one that fails
 * comes back as PR6101, one that throws as PR6102, and one that reads an undocumented fact is
 * flagged once (PR6103). Each evaluation may apply at most `steps` operations (default
 * `EXPRESSION_LIMITS.steps`): a rule that would take more is stopped and reported once (PR6104),
 * and not evaluated on the remaining facts — a rule never hangs an audit.
 */
export function evaluateRules(
  effective: EffectivePack,
  facts: Iterable<Facts>,
  options: { readonly steps?: number } = {},
): Finding[] {
  const findings: Finding[] = [];
  const meter: Meter = { steps: 0, limit: options.steps ?? EXPRESSION_LIMITS.steps };
  (effective.values.rules ?? []).forEach((rule: CustomRule, index) => {
    const setBy = provenanceOf(effective.provenance, `rules.${index}`);
    const context = {
      rule: `rules.${rule.id}`,
      ...(setBy?.source && { source: setBy.source }),
      ...(setBy?.layer && { layer: setBy.layer }),
    };
    const problems = checkExpression(rule.when);
    if (problems.length > 0) {
      findings.push(
        createFinding(
          EXPRESSION_CODES.ruleNotEvaluated,
          { id: rule.id, problems: problems.map(describe) },
          { ...context, subject: `rules.${index}` },
        ),
      );
      return;
    }
    for (const fact of unknownFacts(rule.when)) {
      const suggestion = suggest(fact, FACT_PATHS);
      findings.push(
        createFinding(
          EXPRESSION_CODES.unknownFact,
          { id: rule.id, fact, ...(suggestion && { suggestion }) },
          { ...context, subject: `rules.${index}` },
        ),
      );
    }
    const about = rule.about ?? 'studentTerm';
    const when = metered(rule.when, meter) as Parameters<typeof jsonLogic.apply>[0];
    // json-logic is pure: facts alike at every path the rule reads get the answer of the first such fact.
    const reads = factsRead(rule.when);
    const answers = new Map<string, boolean>();
    for (const fact of facts) {
      if (fact.about !== about) continue;
      const key = reads && valuesAt(fact.values, reads);
      const known = key === undefined ? undefined : answers.get(key);
      if (known !== undefined) {
        if (known) findings.push(customFinding(rule, context, fact.subject));
        continue;
      }
      let holds: boolean;
      meter.steps = 0;
      try {
        holds = jsonLogic.truthy(jsonLogic.apply(when, fact.values));
      } catch (error) {
        if (error instanceof BudgetSpent) {
          findings.push(
            createFinding(
              EXPRESSION_CODES.budgetSpent,
              { id: rule.id, limit: meter.limit },
              { ...context, subject: fact.subject },
            ),
          );
          break;
        }
        findings.push(
          createFinding(
            EXPRESSION_CODES.ruleFailed,
            { id: rule.id, detail: error instanceof Error ? error.message : String(error) },
            { ...context, subject: fact.subject },
          ),
        );
        break;
      }
      if (key !== undefined && answers.size < ANSWERS_KEPT) answers.set(key, holds);
      if (holds) findings.push(customFinding(rule, context, fact.subject));
    }
  });
  return findings;
}
