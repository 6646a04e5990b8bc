import * as jsonLogicModule from 'json-logic-js';
import { suggest } from '../_lib/suggest';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';
import { checkExpression, type ExpressionProblem } from './check';
import { EXPRESSION_CODES } from './codes';
import { FACT_PATHS, type Facts } from './facts';
import type { CustomRule } from './schema';

// json-logic-js is a UMD module: Node's ESM sees it as `default`, bundlers as the namespace.
// Only `apply` and `truthy` are used; never add_operation (its operations are global).
const jsonLogic = ((jsonLogicModule as { default?: typeof jsonLogicModule }).default ??
  jsonLogicModule) as typeof jsonLogicModule;

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
    default:
      return problem.kind;
  }
}

/**
 * Evaluates the pack's custom rules (`rules:`) over precomputed facts: a rule is applied to the
 * facts it is about (`about`, default `studentTerm`) and raises its finding where its `when` holds.
 * A rule runs only after it passes {@link checkExpression}; one that fails comes back as PR6101,
 * one that throws as PR6102, and one that reads an undocumented fact is flagged once (PR6103).
 */
export function evaluateRules(effective: EffectivePack, facts: Iterable<Facts>): Finding[] {
  const findings: Finding[] = [];
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
    for (const fact of facts) {
      if (fact.about !== about) continue;
      let holds: boolean;
      try {
        holds = jsonLogic.truthy(jsonLogic.apply(rule.when as Parameters<typeof jsonLogic.apply>[0], fact.values));
      } catch (error) {
        findings.push(
          createFinding(
            EXPRESSION_CODES.ruleFailed,
            { id: rule.id, detail: error instanceof Error ? error.message : String(error) },
            { ...context, subject: fact.subject },
          ),
        );
        break;
      }
      if (holds)
        findings.push(
          createFinding(
            EXPRESSION_CODES.customRule,
            { id: rule.id, text: rule.message },
            { ...context, subject: fact.subject, severity: rule.severity ?? 'warning' },
          ),
        );
    }
  });
  return findings;
}
