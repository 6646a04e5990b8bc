import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import {
  ALLOWED_OPERATORS,
  checkExpression,
  EXPRESSION_LIMITS,
  expressionCost,
  type ExpressionProblem,
} from '../expressions/check';
import { compareTerms, formatTerm, parseTerm } from '../term';
import { PACK_CODES } from './codes';
import { type Pack, PackSchema } from './schema';
import { parseMapping, readYamlMapping } from '../yaml/read';
import { formatPath, type PathSegment } from '../yaml/tree';

export const PACK_LIMITS = { bytes: 512 * 1024, depth: 24, aliases: 100 } as const;

export interface LoadOptions {
  /** The file name to put in positions. */
  readonly file?: string;
}

/** A pack as read from YAML: the validated pack when there were no errors, the problems, and where each value stands. */
export interface LoadedPack {
  readonly pack?: Pack;
  readonly findings: readonly Finding[];
  readonly file?: string;
  /** Position of every value, by path (`caps.courseOutcome.upload.max`). */
  readonly positions: Readonly<Record<string, Position>>;
}

const RULE = 'pack.load';

function expressionFinding(problem: ExpressionProblem, path: readonly PathSegment[], position: Position): Finding {
  const context = { rule: 'pack.rules', subject: formatPath(path), position };
  switch (problem.kind) {
    case 'operator':
      return createFinding(
        PACK_CODES.expressionOperator,
        { operator: problem.operator, allowed: ALLOWED_OPERATORS },
        context,
      );
    case 'path':
      return createFinding(PACK_CODES.expressionPath, { path: problem.varPath }, context);
    case 'depth':
      return createFinding(PACK_CODES.expressionDepth, { limit: EXPRESSION_LIMITS.depth }, context);
    case 'size':
      return createFinding(PACK_CODES.expressionSize, { limit: EXPRESSION_LIMITS.nodes }, context);
    case 'malformed':
      return createFinding(PACK_CODES.expressionMalformed, { detail: problem.detail }, context);
    case 'cost':
      return createFinding(
        PACK_CODES.expressionCost,
        { steps: problem.steps, limit: EXPRESSION_LIMITS.steps },
        context,
      );
  }
}

/**
 * Reads a pack from YAML text. Never throws on user input: every problem comes back as a finding
 * with a stable code, both messages, and the line and column it is at.
 */
export function loadPack(text: string, options: LoadOptions = {}): LoadedPack {
  const { file } = options;
  const base = { ...(file !== undefined && { file }) };
  const at = (line: number, column: number): Position => ({ ...base, line, column });
  const read = readYamlMapping(text, { ...base, limits: PACK_LIMITS, rule: RULE });
  const { positions } = read;
  if (!read.data || !read.root) return { ...base, positions, findings: read.findings };
  const root = read.root;
  const parsed = parseMapping(PackSchema, { ...read, data: read.data, root }, 'pack.schema');
  if (!parsed.value) return { ...base, positions, findings: parsed.findings };

  const pack = parsed.value;
  const ruleFindings: Finding[] = [];
  const seenIds = new Set<string>();
  let packSteps = 0;
  (pack.rules ?? []).forEach((rule, index) => {
    if (seenIds.has(rule.id)) {
      ruleFindings.push(
        createFinding(
          PACK_CODES.duplicateRuleId,
          { id: rule.id },
          { rule: 'pack.rules', subject: `rules.${index}.id`, position: positions[`rules.${index}.id`] ?? at(1, 1) },
        ),
      );
    }
    seenIds.add(rule.id);
    const problems = checkExpression(rule.when, { cost: false });
    for (const problem of problems) {
      const path = ['rules', index, 'when', ...problem.path];
      ruleFindings.push(expressionFinding(problem, path, read.placeOf(path, 'key')));
    }
    const cost = problems.length === 0 ? expressionCost(rule.when) : 0;
    if (cost > EXPRESSION_LIMITS.steps) {
      const path = ['rules', index, 'when'];
      ruleFindings.push(expressionFinding({ kind: 'cost', steps: cost, path: [] }, path, read.placeOf(path, 'key')));
    } else packSteps += cost;
  });
  if (packSteps > EXPRESSION_LIMITS.packSteps) {
    ruleFindings.push(
      createFinding(
        PACK_CODES.rulesCost,
        { steps: packSteps, limit: EXPRESSION_LIMITS.packSteps, rules: pack.rules?.length ?? 0 },
        { rule: 'pack.rules', subject: 'rules', position: read.placeOf(['rules'], 'key') },
      ),
    );
  }
  const from = pack.appliesFrom === undefined ? undefined : parseTerm(pack.appliesFrom);
  const until = pack.appliesUntil === undefined ? undefined : parseTerm(pack.appliesUntil);
  if (from && until && compareTerms(until, from) < 0) {
    ruleFindings.push(
      createFinding(
        PACK_CODES.invertedPeriod,
        { from: formatTerm(from), until: formatTerm(until) },
        { rule: 'pack.period', subject: 'appliesUntil', position: positions.appliesUntil ?? at(1, 1) },
      ),
    );
  }
  if (ruleFindings.length > 0) return { ...base, positions, findings: ruleFindings };

  return { ...base, pack, positions, findings: [] };
}
