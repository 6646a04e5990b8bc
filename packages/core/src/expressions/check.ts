import { unreachable } from '../_lib/unreachable';
/**
 * Custom rules are data, not code: a json-logic expression may use only these operators
 * (no `method`, no map/reduce), may not read through prototype keys, and is bounded in depth and size.
 */
export const ALLOWED_OPERATORS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  'and',
  'or',
  '!',
  '!!',
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'in',
  'cat',
  'all',
  'some',
  'none',
] as const;

/**
 * How large a custom rule may be: nesting depth and JSON nodes; `steps`, the operations one
 * evaluation of one rule may apply (bounded before it runs by {@link expressionCost}, counted while
 * it runs); `packSteps`, the bound of all of a pack's rules together, evaluated on one fact.
 */
export const EXPRESSION_LIMITS = { depth: 12, nodes: 200, steps: 1_000, packSteps: 10_000 } as const;

/**
 * The longest list a fact holds (docs/reference/custom-rules.md#facts): facts are numbers and
 * text, so every list a rule can iterate is one the rule writes itself.
 */
export const LONGEST_FACT_LIST = 0;

const SCOPED = new Set(['all', 'some', 'none']);

const ALLOWED = new Set<string>(ALLOWED_OPERATORS);
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

export type ExpressionProblem =
  | { kind: 'operator'; operator: string; path: readonly (string | number)[] }
  | { kind: 'path'; varPath: string; path: readonly (string | number)[] }
  | { kind: 'depth'; path: readonly (string | number)[] }
  | { kind: 'size'; path: readonly (string | number)[] }
  | { kind: 'cost'; steps: number; path: readonly (string | number)[] }
  | { kind: 'malformed'; detail: string; path: readonly (string | number)[] };

/**
 * The paths a `var`, `missing` or `missing_some` reads. A path computed by another operation
 * (`{ var: { cat: ["__pro", "to__"] } }`) cannot be checked before it runs, so it is returned as
 * its JSON text, which never passes the check.
 */
function readPaths(operator: string, argument: unknown): { readonly text: string; readonly computed: boolean }[] {
  const entries =
    operator === 'var'
      ? [Array.isArray(argument) ? argument[0] : argument]
      : operator === 'missing'
        ? Array.isArray(argument)
          ? argument.flat()
          : [argument]
        : Array.isArray(argument)
          ? [argument[1]].flat()
          : [argument];
  return entries.flatMap((entry): { readonly text: string; readonly computed: boolean }[] => {
    if (typeof entry === 'string' || typeof entry === 'number') return [{ text: String(entry), computed: false }];
    return entry !== null && typeof entry === 'object' ? [{ text: JSON.stringify(entry), computed: true }] : [];
  });
}

/** The longest list anywhere in an expression (a literal, or the arguments of an operation). */
function longestList(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  const inner = Array.isArray(node) ? node : Object.values(node);
  return inner.reduce(
    (longest: number, item) => Math.max(longest, longestList(item)),
    Array.isArray(node) ? node.length : 0,
  );
}

/**
 * The most operations one evaluation of an expression can apply, from its shape alone: every
 * operation counts one and applies its arguments once, except `all`, `some` and `none`, which apply
 * their condition once per element of the list they read. No operator makes a list longer than one
 * the rule writes (no `merge`, no `map`) and facts hold no lists longer than {@link LONGEST_FACT_LIST},
 * so that list has at most as many elements as the longest list the rule writes. `if`, `and` and
 * `or` may stop early; the bound counts every branch. Within the depth and node limits it stays
 * far below 2^53.
 */
export function expressionCost(expression: unknown): number {
  const elements = Math.max(1, LONGEST_FACT_LIST, longestList(expression));
  const cost = (node: unknown): number => {
    if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + cost(item), 0);
    if (node === null || typeof node !== 'object') return 0;
    const [operator, argument] = Object.entries(node)[0] ?? [];
    if (operator === undefined) return 0;
    const values: unknown[] = Array.isArray(argument) ? argument : [argument];
    if (SCOPED.has(operator)) return 1 + cost(values[0]) + elements * cost(values[1]);
    return 1 + cost(values);
  };
  return cost(expression);
}

/**
 * Finds what makes an expression unsafe or malformed; an empty list means it may be evaluated.
 * `cost: false` leaves out the cost bound, for a caller that works it out itself.
 */
export function checkExpression(expression: unknown, options: { readonly cost?: boolean } = {}): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  let nodes = 0;
  let sizeReported = false;

  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    nodes++;
    if (nodes > EXPRESSION_LIMITS.nodes) {
      if (!sizeReported) problems.push({ kind: 'size', path });
      sizeReported = true;
      return;
    }
    if (depth > EXPRESSION_LIMITS.depth) {
      problems.push({ kind: 'depth', path });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      problems.push({ kind: 'malformed', detail: `an operation has exactly one operator, found ${keys.length}`, path });
      return;
    }
    const operator = keys[0] ?? unreachable('the operator');
    if (!ALLOWED.has(operator)) {
      problems.push({ kind: 'operator', operator, path: [...path, operator] });
      return;
    }
    const argument = (node as Record<string, unknown>)[operator];
    if (operator === 'var' || operator === 'missing' || operator === 'missing_some') {
      for (const read of readPaths(operator, argument)) {
        if (read.computed || read.text.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment))) {
          problems.push({ kind: 'path', varPath: read.text, path: [...path, operator] });
        }
      }
    }
    visit(argument, [...path, operator], depth + 1);
  };

  visit(expression, [], 0);
  if (problems.length > 0 || options.cost === false) return problems;
  const steps = expressionCost(expression);
  return steps > EXPRESSION_LIMITS.steps ? [{ kind: 'cost', steps, path: [] }] : [];
}
