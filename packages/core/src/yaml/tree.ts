import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';
import type { Position } from '../findings/types';

export type PathSegment = string | number;

/** `caps.diversePerformance.select.max`, `windows.2.closes`: the path notation of findings' subjects. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}

export function positionOf(offset: number, lineCounter: LineCounter, file: string | undefined): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { ...(file !== undefined && { file }), line, column: col };
}

export function startOf(node: Node | Pair | undefined): number {
  if (!node) return 0;
  if (isPair(node)) return startOf(node.key as Node);
  return node.range?.[0] ?? 0;
}

export type TreeProblem =
  | { readonly kind: 'forbiddenKey'; readonly key: string; readonly offset: number }
  /** A key written twice in one mapping (`1` and `"1"` are the same key once read). */
  | { readonly kind: 'duplicateKey'; readonly key: string; readonly offset: number }
  | { readonly kind: 'tooDeep'; readonly offset: number }
  /** An alias (`*k`) to no anchor written before it. */
  | { readonly kind: 'unknownAlias'; readonly alias: string; readonly offset: number }
  /** An explicit tag other than the plain ones (`!!binary`, `!!timestamp`, `!!set`, `!custom`). */
  | { readonly kind: 'tag'; readonly tag: string; readonly offset: number }
  /** A key that is a mapping or a list (`? [a]`), directly or through an alias. */
  | { readonly kind: 'complexKey'; readonly received: 'object' | 'array'; readonly offset: number };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The tags a pack may write: they only say which plain type a value has (`!!str 112`). */
const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`).concat('!'),
);

/** What a key stands for: the node itself, or the node an alias key (`*k: 1`) points at. */
function keyNode(pair: Pair, document: Document | undefined): unknown {
  return isAlias(pair.key) && document ? pair.key.resolve(document) : pair.key;
}

/** What a walk of the tree reports besides its problems: where every value, and every key, stands. */
export interface TreeVisitor {
  value(path: readonly PathSegment[], node: Node): void;
  key(path: readonly PathSegment[], pair: Pair): void;
}

/**
 * Walks the parsed tree once, in time linear in its size: forbidden keys anywhere (written out or
 * reached through an alias), keys written twice, keys that are not plain values, tags other than
 * the plain ones, nesting beyond the limit, and every value's and key's position.
 */
export function inspectTree(root: Node, maxDepth: number, visitor: TreeVisitor, document?: Document): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const checkTag = (node: unknown): void => {
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && !PLAIN_TAGS.has(tag)) problems.push({ kind: 'tag', tag, offset: startOf(node as Node) });
  };
  const visit = (node: Node, path: PathSegment[], depth: number): void => {
    if (depth > maxDepth) {
      problems.push({ kind: 'tooDeep', offset: startOf(node) });
      return;
    }
    visitor.value(path, node);
    if (isAlias(node)) {
      if (document && node.resolve(document) === undefined)
        problems.push({ kind: 'unknownAlias', alias: node.source, offset: startOf(node) });
      return;
    }
    checkTag(node);
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = keyNode(pair, document);
        checkTag(pair.key);
        if (isAlias(pair.key) && key === undefined) {
          problems.push({ kind: 'unknownAlias', alias: pair.key.source, offset: startOf(pair) });
          continue;
        }
        if (isCollection(key)) {
          problems.push({ kind: 'complexKey', received: isSeq(key) ? 'array' : 'object', offset: startOf(pair) });
          continue;
        }
        const text = isScalar(key) ? String(key.value) : String(key);
        if (FORBIDDEN_KEYS.has(text)) {
          problems.push({ kind: 'forbiddenKey', key: text, offset: startOf(pair) });
          continue;
        }
        if (seen.has(text)) {
          problems.push({ kind: 'duplicateKey', key: text, offset: startOf(pair) });
          continue;
        }
        seen.add(text);
        const inner = [...path, text];
        visitor.key(inner, pair);
        if (pair.value) visit(pair.value as Node, inner, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as Node, [...path, index], depth + 1));
    }
  };
  visit(root, [], 0);
  return problems;
}
