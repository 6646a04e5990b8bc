import {
  Composer,
  type CST,
  type Document,
  isAlias,
  LineCounter,
  type Node,
  type Pair,
  Parser,
  YAMLParseError,
} from 'yaml';
import type * as z from 'zod';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import { PACK_CODES } from '../pack/codes';
import { clip } from '../_lib/clip';
import { unreachable } from '../_lib/unreachable';
import { schemaProblems } from './schema-issues';
import { formatPath, inspectTree, type PathSegment, positionOf, startOf, type TreeProblem } from './tree';

/** How large and deep a YAML file may be before it is refused. */
export interface YamlLimits {
  readonly bytes: number;
  readonly depth: number;
  readonly aliases: number;
}

/**
 * How many problems of one stage (syntax, keys, schema) a file lists: the rest are counted in one
 * PR1017. A 256 KB file of stray brackets holds a quarter of a million syntax errors, most of them
 * the echo of the first; listing them all costs seconds and buries the ones that matter.
 */
export const LISTED_PROBLEMS = 100;

/**
 * The first LISTED_PROBLEMS findings, and one PR1017 for the rest (of `total`, when only some were
 * made), placed where the first unlisted one is.
 */
function bounded(findings: readonly Finding[], rule: string, total = findings.length): readonly Finding[] {
  if (total <= LISTED_PROBLEMS) return findings;
  const next = findings[LISTED_PROBLEMS] ?? findings.at(-1);
  return [
    ...findings.slice(0, LISTED_PROBLEMS),
    createFinding(
      PACK_CODES.moreProblems,
      { more: total - LISTED_PROBLEMS, listed: LISTED_PROBLEMS },
      { rule, subject: '', ...(next?.position && { position: next.position }) },
    ),
  ];
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
    case 'unknownAlias':
      return createFinding(
        PACK_CODES.yamlSyntax,
        {
          detail: clip(`alias *${problem.alias} names no anchor (&${problem.alias}) written before it`),
          problem: 'BAD_ALIAS',
        },
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
 * The offset of the first value nested deeper than `limit` collections (keys included), found
 * without recursion; the root value is at depth 0.
 */
export function tooDeepAt(tokens: readonly CST.Token[], limit: number): number | undefined {
  const pending: { readonly token: CST.Token; readonly depth: number }[] = [...tokens]
    .reverse()
    .map((token) => ({ token, depth: -1 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (depth > limit) return token.offset;
    if (token.type === 'document') {
      if (token.value) pending.push({ token: token.value, depth: 0 });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (let index = token.items.length - 1; index >= 0; index--) {
        const { key, value } = token.items[index] as CST.CollectionItem;
        if (value) pending.push({ token: value, depth: depth + 1 });
        if (key) pending.push({ token: key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** The first document of the tokens, as `parseDocument` composes it (a second one is an error). */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ uniqueKeys: false, strict: true, stringKeys: false });
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!document) document = next;
    else {
      document.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return document ?? unreachable('the composer yields a document for any tokens');
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

  // The parser's tokens are checked for nesting before they are composed into nodes: composing
  // recurses, and the depth at which it runs out of stack depends on the caller and the JIT, so a
  // deep file would get a different answer (or none: a crash) from one call to the next.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeepAt(tokens, limits.depth);
  if (deep !== undefined) return fail([treeFinding({ kind: 'tooDeep', offset: deep }, { text, limits, rule, where })]);
  // Keys written twice are found by the walk below, in linear time (the parser's own check is quadratic).
  const document = composeOne(tokens, text.length);
  const syntax = document.errors.map((error) => {
    const position = where(error.pos[0]);
    const detail = error.message.split('\n')[0] ?? error.message;
    // Composing runs out of stack only when the caller left it almost none.
    if (error.code === 'RESOURCE_EXHAUSTION')
      return treeFinding({ kind: 'tooDeep', offset: error.pos[0] }, { text, limits, rule, where });
    return createFinding(
      PACK_CODES.yamlSyntax,
      { detail: clip(detail), problem: error.code },
      { rule, subject: '', position },
    );
  });
  if (syntax.length > 0) return fail(bounded(syntax, rule));

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
  if (treeFindings.length > 0) return fail(bounded(treeFindings, rule));

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
  const problems = schemaProblems(parsed.error.issues, schema, read.data);
  // Only the listed problems are placed (placing looks up the file): the rest are counted.
  const findings = problems.slice(0, LISTED_PROBLEMS + 1).map((problem) => {
    // A problem's params are typed per code; the union keeps each pair together.
    return createFinding(problem.code as typeof PACK_CODES.wrongType, problem.params as never, {
      rule,
      subject: clip(formatPath(problem.path)),
      position: read.placeOf(problem.path, problem.at),
    });
  });
  return { findings: bounded(findings, rule, problems.length) };
}
