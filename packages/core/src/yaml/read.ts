import { isAlias, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import type * as z from 'zod';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import { PACK_CODES } from '../pack/codes';
import { clip } from '../_lib/clip';
import { schemaProblems } from './schema-issues';
import { formatPath, inspectTree, type PathSegment, positionOf, startOf, type TreeProblem } from './tree';

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
  /**
   * Where a problem at a path belongs: at the key that names it (`key`; a list item has none, its
   * value stands for it), at its value (`value`), or (for a key that is not there) at the deepest
   * mapping on the way (`parent`); a path that does not exist falls back on the deepest value on the way.
   */
  readonly placeOf: (path: readonly PathSegment[], at: 'key' | 'value' | 'parent') => Position;
}

function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

/**
 * The encoding a text was really in when it reads as UTF-16 decoded as UTF-8: a NUL beside every
 * ASCII character (after the byte-order mark, which reads as two unknown characters).
 */
export function utf16Of(text: string): 'utf-16le' | 'utf-16be' | undefined {
  const sample = text.slice(text.startsWith('\uFFFD\uFFFD') ? 2 : 0, 2002);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample.charCodeAt(index) !== 0) continue;
    if (index % 2 === 0) even++;
    else odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0 || Math.max(even, odd) < pairs * 0.4) return undefined;
  return odd > even ? 'utf-16le' : 'utf-16be';
}

/** A tag as it is written: `!!binary` for the YAML tags, local ones (`!foo`) as they are, others verbatim. */
function shorthand(tag: string): string {
  if (tag.startsWith('tag:yaml.org,2002:')) return `!!${tag.slice('tag:yaml.org,2002:'.length)}`;
  return tag.startsWith('!') ? tag : `!<${tag}>`;
}

function treeFinding(
  problem: TreeProblem,
  context: {
    readonly text: string;
    readonly limits: YamlLimits;
    readonly rule: string;
    readonly where: (offset: number) => Position;
  },
): Finding {
  const { limits, rule, where } = context;
  const position = where(problem.offset);
  switch (problem.kind) {
    case 'forbiddenKey':
      return createFinding(PACK_CODES.forbiddenKey, { key: problem.key }, { rule, subject: problem.key, position });
    case 'duplicateKey': {
      const key = clip(problem.key);
      return createFinding(PACK_CODES.duplicateKey, { key }, { rule, subject: key, position });
    }
    case 'tag': {
      // The node starts at its value; the finding points at the tag written before it.
      const tag = shorthand(problem.tag);
      const written = context.text.lastIndexOf(tag, problem.offset);
      const at = written >= 0 && problem.offset - written < 1000 ? where(written) : position;
      return createFinding(PACK_CODES.tagNotAllowed, { tag: clip(tag) }, { rule, subject: '', position: at });
    }
    case 'complexKey':
      return createFinding(
        PACK_CODES.wrongType,
        { expected: 'string', received: problem.received },
        { rule, subject: '', position },
      );
    case 'tooDeep':
      return createFinding(
        PACK_CODES.tooDeep,
        { depth: limits.depth + 1, limit: limits.depth },
        { rule, subject: '', position },
      );
  }
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
  const positions: Record<string, Position> = {};
  /** Where each key starts, as an offset: only a finding about the key needs its line and column. */
  const keys = new Map<string, number>();
  const placeOf = (path: readonly PathSegment[], at: 'key' | 'value' | 'parent'): Position => {
    if (at !== 'parent') {
      const key = at === 'key' ? keys.get(formatPath(path)) : undefined;
      const exact = key === undefined ? positions[formatPath(path)] : where(key);
      if (exact) return exact;
    }
    for (let length = path.length - 1; length > 0; length--) {
      const found = positions[formatPath(path.slice(0, length))];
      if (found) return found;
    }
    return positions[''] ?? where(0);
  };
  const fail = (findings: readonly Finding[]): YamlMapping => ({ findings, positions, where, placeOf });

  const bytes = byteLength(text);
  if (bytes > limits.bytes) {
    return fail([
      createFinding(PACK_CODES.fileTooLarge, { bytes, limit: limits.bytes }, { rule, subject: '', position: at(1, 1) }),
    ]);
  }

  const encoding = text.includes('\u0000') ? utf16Of(text) : undefined;
  if (encoding) {
    return fail([createFinding(PACK_CODES.notUtf8, { encoding }, { rule, subject: '', position: at(1, 1) })]);
  }

  // Keys written twice are found by the walk below, in linear time (the parser's own check is quadratic).
  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: true,
    strict: true,
    stringKeys: false,
  });
  const syntax = document.errors.map((error) => {
    const position = error.linePos ? at(error.linePos[0].line, error.linePos[0].col) : where(error.pos[0]);
    // prettyErrors appends " at line L, column C:" and an excerpt; the position travels separately.
    const detail = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    // The parser runs out of stack on thousands of nested brackets, long before any other limit.
    if (error.code === 'RESOURCE_EXHAUSTION')
      return treeFinding({ kind: 'tooDeep', offset: error.pos[0] }, { text, limits, rule, where });
    return createFinding(PACK_CODES.yamlSyntax, { detail: clip(detail) }, { rule, subject: '', position });
  });
  if (syntax.length > 0) return fail(syntax);

  const root = document.contents as Node | null;
  if (!root)
    return fail([
      createFinding(PACK_CODES.notAMapping, { received: 'null' }, { rule, subject: '', position: at(1, 1) }),
    ]);

  let firstAlias: number | undefined;
  const visitor = {
    value(path: readonly PathSegment[], node: Node) {
      positions[formatPath(path)] = where(startOf(node));
      if (firstAlias === undefined && isAlias(node)) firstAlias = startOf(node);
    },
    key(path: readonly PathSegment[], pair: Pair) {
      keys.set(formatPath(path), startOf(pair));
    },
  };
  const treeProblems = inspectTree(root, limits.depth, visitor, document);
  const treeFindings = treeProblems.map((problem) => treeFinding(problem, { text, limits, rule, where }));
  if (treeFindings.length > 0) return fail(treeFindings);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: limits.aliases });
  } catch {
    return fail([
      createFinding(
        PACK_CODES.tooManyAliases,
        { limit: limits.aliases },
        { rule, subject: '', position: where(firstAlias ?? 0) },
      ),
    ]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const received = Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data;
    return fail([
      createFinding(PACK_CODES.notAMapping, { received }, { rule, subject: '', position: where(startOf(root)) }),
    ]);
  }
  return { data: data as Record<string, unknown>, root, findings: [], positions, where, placeOf };
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
    // A problem's params are typed per code; the union keeps each pair together.
    return createFinding(problem.code as typeof PACK_CODES.wrongType, problem.params as never, {
      rule,
      subject: clip(formatPath(problem.path)),
      position: read.placeOf(problem.path, problem.at),
    });
  });
  return { findings };
}
