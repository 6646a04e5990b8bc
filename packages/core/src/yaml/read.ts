import { isAlias, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import { PACK_CODES } from '../pack/codes';
import { schemaProblems } from './schema-issues';
import { formatPath, inspectTree, locate, positionOf, startOf } from './tree';

/** How large and deep a YAML file may be before it is refused. */
export interface YamlLimits {
  readonly bytes: number;
  readonly depth: number;
  readonly aliases: number;
}

/** A YAML file read into a plain mapping, with the position of every value; `data` is absent when it could not be read. */
export interface YamlMapping {
  readonly data?: Readonly<Record<string, unknown>>;
  readonly root?: Node;
  readonly findings: readonly Finding[];
  /** Position of every value, by path (`caps.courseOutcome.upload.max`). */
  readonly positions: Readonly<Record<string, Position>>;
  /** The position of an offset in the text. */
  readonly where: (offset: number) => Position;
}

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

/**
 * Reads YAML text that must hold a mapping (a pack, a school calendar). Never throws on user input:
 * size, syntax, duplicate and forbidden keys, nesting, aliases and a non-mapping document come back
 * as findings (PR1001–PR1014) with the line and column they are at.
 */
export function readYamlMapping(
  text: string,
  options: { readonly file?: string; readonly limits: YamlLimits; readonly rule: string },
): YamlMapping {
  const { file, limits, rule } = options;
  const base = { ...(file !== undefined && { file }) };
  const at = (line: number, column: number): Position => ({ ...base, line, column });
  const lineCounter = new LineCounter();
  const where = (offset: number) => positionOf(offset, lineCounter, file);
  const fail = (findings: readonly Finding[], positions: Readonly<Record<string, Position>> = {}): YamlMapping => ({
    findings,
    positions,
    where,
  });

  const bytes = byteLength(text);
  if (bytes > limits.bytes) {
    return fail([
      createFinding(PACK_CODES.fileTooLarge, { bytes, limit: limits.bytes }, { rule, subject: '', position: at(1, 1) }),
    ]);
  }

  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: true,
    strict: true,
    stringKeys: false,
  });
  const syntax = document.errors.map((error) => {
    const position = error.linePos ? at(error.linePos[0].line, error.linePos[0].col) : where(error.pos[0]);
    // prettyErrors appends " at line L, column C:" and an excerpt; the position travels separately.
    const detail = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, error.pos[0]);
      return createFinding(PACK_CODES.duplicateKey, { key }, { rule, subject: key, position });
    }
    return createFinding(PACK_CODES.yamlSyntax, { detail }, { rule, subject: '', position });
  });
  if (syntax.length > 0) return fail(syntax);

  const root = document.contents as Node | null;
  if (!root)
    return fail([
      createFinding(PACK_CODES.notAMapping, { received: 'null' }, { rule, subject: '', position: at(1, 1) }),
    ]);

  const positions: Record<string, Position> = {};
  let firstAlias: number | undefined;
  const treeProblems = inspectTree(root, limits.depth, (path, node) => {
    positions[formatPath(path)] = where(startOf(node));
    if (firstAlias === undefined && isAlias(node)) firstAlias = startOf(node);
  });
  const treeFindings = treeProblems.map((problem) =>
    problem.kind === 'forbiddenKey'
      ? createFinding(
          PACK_CODES.forbiddenKey,
          { key: problem.key ?? '' },
          { rule, subject: problem.key ?? '', position: where(problem.offset) },
        )
      : createFinding(
          PACK_CODES.tooDeep,
          { depth: limits.depth + 1, limit: limits.depth },
          { rule, subject: '', position: where(problem.offset) },
        ),
  );
  if (treeFindings.length > 0) return fail(treeFindings, positions);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: limits.aliases });
  } catch {
    return fail(
      [
        createFinding(
          PACK_CODES.tooManyAliases,
          { limit: limits.aliases },
          { rule, subject: '', position: where(firstAlias ?? 0) },
        ),
      ],
      positions,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const received = Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data;
    return fail(
      [createFinding(PACK_CODES.notAMapping, { received }, { rule, subject: '', position: where(startOf(root)) })],
      positions,
    );
  }
  return { data: data as Record<string, unknown>, root, findings: [], positions, where };
}

/** Validates a read mapping against a zod schema; schema problems come back as findings (PR1003–PR1008) placed in the file. */
export function parseMapping<T>(
  schema: z.ZodType<T>,
  read: YamlMapping & { readonly data: Readonly<Record<string, unknown>>; readonly root: Node },
  rule: string,
): { readonly value?: T; readonly findings: readonly Finding[] } {
  const parsed = schema.safeParse(read.data);
  if (parsed.success) return { value: parsed.data, findings: [] };
  const findings = schemaProblems(parsed.error.issues, schema, read.data).map((problem) => {
    const located = locate(read.root, problem.path);
    const offset =
      problem.at === 'key'
        ? startOf(located.pair ?? located.nearest)
        : problem.at === 'parent'
          ? startOf(located.nearest)
          : startOf(located.node ?? located.nearest);
    // A problem's params are typed per code; the union keeps each pair together.
    return createFinding(problem.code as typeof PACK_CODES.wrongType, problem.params as never, {
      rule,
      subject: formatPath(problem.path),
      position: read.where(offset),
    });
  });
  return { findings };
}
