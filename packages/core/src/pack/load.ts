import { isAlias, LineCounter, parseDocument, type Node } from 'yaml';
import { createFinding } from '../findings/define';
import type { Finding, Position } from '../findings/types';
import { ALLOWED_OPERATORS, checkExpression, EXPRESSION_LIMITS, type ExpressionProblem } from '../expressions/check';
import { PACK_CODES } from './codes';
import { type Pack, PackSchema } from './schema';
import { schemaProblems } from './schema-issues';
import { formatPath, inspectTree, locate, type PathSegment, positionOf, startOf } from './yaml-tree';

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

function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

/** The key written at an offset: quoted (`"a b": 1`) or plain (`id: 1`, `{a: 1}`). */
function keyAt(text: string, offset: number): string {
  const match = /^(?:"([^"]*)"|'([^']*)'|([^\n,{}[\]]*?))\s*:(?:\s|$)/.exec(text.slice(offset));
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? '';
}

function expressionFinding(problem: ExpressionProblem, path: readonly PathSegment[], position: Position): Finding {
  const context = { rule: 'pack.rules', subject: formatPath(path), position };
  switch (problem.kind) {
    case 'operator':
      return createFinding(PACK_CODES.expressionOperator, { operator: problem.operator, allowed: ALLOWED_OPERATORS }, context);
    case 'path':
      return createFinding(PACK_CODES.expressionPath, { path: problem.varPath }, context);
    case 'depth':
      return createFinding(PACK_CODES.expressionDepth, { limit: EXPRESSION_LIMITS.depth }, context);
    case 'size':
      return createFinding(PACK_CODES.expressionSize, { limit: EXPRESSION_LIMITS.nodes }, context);
    case 'malformed':
      return createFinding(PACK_CODES.expressionMalformed, { detail: problem.detail }, context);
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
  const bytes = byteLength(text);
  if (bytes > PACK_LIMITS.bytes) {
    return { ...base, positions: {}, findings: [createFinding(PACK_CODES.fileTooLarge, { bytes, limit: PACK_LIMITS.bytes }, { rule: RULE, subject: '', position: at(1, 1) })] };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true, stringKeys: false });
  const where = (offset: number) => positionOf(offset, lineCounter, file);

  const syntax = document.errors.map((error) => {
    const position = error.linePos ? at(error.linePos[0].line, error.linePos[0].col) : where(error.pos[0]);
    // prettyErrors appends " at line L, column C:" and an excerpt; the position travels separately.
    const detail = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, error.pos[0]);
      return createFinding(PACK_CODES.duplicateKey, { key }, { rule: RULE, subject: key, position });
    }
    return createFinding(PACK_CODES.yamlSyntax, { detail }, { rule: RULE, subject: '', position });
  });
  if (syntax.length > 0) return { ...base, positions: {}, findings: syntax };

  const root = document.contents as Node | null;
  if (!root) {
    return { ...base, positions: {}, findings: [createFinding(PACK_CODES.notAMapping, { received: 'null' }, { rule: RULE, subject: '', position: at(1, 1) })] };
  }

  const positions: Record<string, Position> = {};
  let firstAlias: number | undefined;
  const treeProblems = inspectTree(root, PACK_LIMITS.depth, (path, node) => {
    positions[formatPath(path)] = where(startOf(node));
    if (firstAlias === undefined && isAlias(node)) firstAlias = startOf(node);
  });
  const treeFindings = treeProblems.map((problem) =>
    problem.kind === 'forbiddenKey'
      ? createFinding(PACK_CODES.forbiddenKey, { key: problem.key ?? '' }, { rule: RULE, subject: problem.key ?? '', position: where(problem.offset) })
      : createFinding(PACK_CODES.tooDeep, { depth: PACK_LIMITS.depth + 1, limit: PACK_LIMITS.depth }, { rule: RULE, subject: '', position: where(problem.offset) }),
  );
  if (treeFindings.length > 0) return { ...base, positions, findings: treeFindings };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: PACK_LIMITS.aliases });
  } catch {
    return { ...base, positions, findings: [createFinding(PACK_CODES.tooManyAliases, { limit: PACK_LIMITS.aliases }, { rule: RULE, subject: '', position: where(firstAlias ?? 0) })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const received = Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data;
    return { ...base, positions, findings: [createFinding(PACK_CODES.notAMapping, { received }, { rule: RULE, subject: '', position: where(startOf(root)) })] };
  }

  const parsed = PackSchema.safeParse(data);
  if (!parsed.success) {
    const findings = schemaProblems(parsed.error.issues, PackSchema, data).map((problem) => {
      const located = locate(root, problem.path);
      const offset = problem.at === 'key' ? startOf(located.pair ?? located.nearest) : problem.at === 'parent' ? startOf(located.nearest) : startOf(located.node ?? located.nearest);
      // A problem's params are typed per code; the union keeps each pair together.
      return createFinding(problem.code as typeof PACK_CODES.wrongType, problem.params as never, { rule: 'pack.schema', subject: formatPath(problem.path), position: where(offset) });
    });
    return { ...base, positions, findings };
  }

  const pack = parsed.data;
  const ruleFindings: Finding[] = [];
  const seenIds = new Set<string>();
  (pack.rules ?? []).forEach((rule, index) => {
    if (seenIds.has(rule.id)) {
      ruleFindings.push(createFinding(PACK_CODES.duplicateRuleId, { id: rule.id }, { rule: 'pack.rules', subject: `rules.${index}.id`, position: positions[`rules.${index}.id`] ?? at(1, 1) }));
    }
    seenIds.add(rule.id);
    for (const problem of checkExpression(rule.when)) {
      const path = ['rules', index, 'when', ...problem.path];
      const located = locate(root, path);
      ruleFindings.push(expressionFinding(problem, path, where(startOf(located.pair ?? located.node ?? located.nearest))));
    }
  });
  if (ruleFindings.length > 0) return { ...base, positions, findings: ruleFindings };

  return { ...base, pack, positions, findings: [] };
}
