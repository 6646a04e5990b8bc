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

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

interface Located {
  /** The node at the path, when it exists. */
  readonly node?: Node;
  /** The pair whose value is the node (for map entries). */
  readonly pair?: Pair;
  /** The deepest existing node on the way, when the path does not exist. */
  readonly nearest: Node;
}

export function locate(root: Node, path: readonly PathSegment[]): Located {
  let node: Node = root;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const found = node.items.find((item) => keyText(item) === String(segment));
      if (!found) return { nearest: node };
      if (!found.value) return { pair: found, nearest: node };
      pair = found;
      node = found.value as Node;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      pair = undefined;
      node = node.items[segment] as Node;
    } else {
      return { nearest: node };
    }
  }
  return { node, nearest: node, ...(pair && { pair }) };
}

export function startOf(node: Node | Pair | undefined): number {
  if (!node) return 0;
  if (isPair(node)) return startOf(node.key as Node);
  return node.range?.[0] ?? 0;
}

export type TreeProblem =
  | { readonly kind: 'forbiddenKey'; readonly key: string; readonly offset: number }
  | { readonly kind: 'tooDeep'; readonly offset: number }
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

/**
 * Walks the parsed tree once: forbidden keys anywhere (written out or reached through an alias),
 * keys that are not plain values, tags other than the plain ones, nesting beyond the limit, and
 * every value's position.
 */
export function inspectTree(
  root: Node,
  maxDepth: number,
  onValue: (path: readonly PathSegment[], node: Node) => void,
  document?: Document,
): TreeProblem[] {
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
    onValue(path, node);
    if (isAlias(node)) return;
    checkTag(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyNode(pair, document);
        checkTag(pair.key);
        if (isCollection(key)) {
          problems.push({ kind: 'complexKey', received: isSeq(key) ? 'array' : 'object', offset: startOf(pair) });
          continue;
        }
        const text = isScalar(key) ? String(key.value) : String(key);
        if (FORBIDDEN_KEYS.has(text)) {
          problems.push({ kind: 'forbiddenKey', key: text, offset: startOf(pair) });
          continue;
        }
        if (pair.value) visit(pair.value as Node, [...path, text], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as Node, [...path, index], depth + 1));
    }
  };
  visit(root, [], 0);
  return problems;
}
