import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
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

export interface TreeProblem {
  readonly kind: 'forbiddenKey' | 'tooDeep';
  readonly key?: string;
  readonly offset: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Walks the parsed tree once: forbidden keys anywhere, nesting beyond the limit, and every value's position. */
export function inspectTree(
  root: Node,
  maxDepth: number,
  onValue: (path: readonly PathSegment[], node: Node) => void,
): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const visit = (node: Node, path: PathSegment[], depth: number): void => {
    if (depth > maxDepth) {
      problems.push({ kind: 'tooDeep', offset: startOf(node) });
      return;
    }
    onValue(path, node);
    if (isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair);
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ kind: 'forbiddenKey', key, offset: startOf(pair) });
          continue;
        }
        if (pair.value) visit(pair.value as Node, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as Node, [...path, index], depth + 1));
    }
  };
  visit(root, [], 0);
  return problems;
}
