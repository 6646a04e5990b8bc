// The floors of core (packages/core/src/README.md) as a check over source texts: an import that
// climbs a floor or closes a loop between folders is reported, type-only imports included.
import { posix } from 'node:path';
import ts from 'typescript';

export interface FloorPlan {
  /** The floor of each folder, 1 the lowest. */
  readonly folders: ReadonlyMap<string, number>;
  /** Files that stand on their own floor in whatever folder they are: `schema.ts`, `codes.ts`. */
  readonly files: ReadonlyMap<string, number>;
  /** Folders or files the README lists more than once (a second line would silently move them). */
  readonly repeated: readonly string[];
}

/** Reads the floors from the README: `## Floor N: …` headings, each over a list of `` - `folder`: … `` lines. */
export function readFloorPlan(markdown: string): FloorPlan {
  const folders = new Map<string, number>();
  const files = new Map<string, number>();
  const repeated: string[] = [];
  let floor: number | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## Floor (\d+)\b/.exec(line);
    if (heading) floor = Number(heading[1]);
    else if (line.startsWith('## ')) floor = undefined;
    const item = /^- `([^`]+)`/.exec(line);
    if (!item?.[1] || floor === undefined) continue;
    const [list, name] = item[1].startsWith('*/') ? [files, item[1].slice(2)] : [folders, item[1]];
    if (list.has(name)) repeated.push(item[1]);
    list.set(name, floor);
  }
  return { folders, files, repeated };
}

export interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Every module a file names: imports and re-exports (type-only or not), `import()` calls and `import('…')` types. */
export function importsOf(fileName: string, text: string): Import[] {
  const key = `${fileName}\0${text}`;
  const known = parsed.get(key);
  if (known) return known;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            named !== undefined &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause : undefined;
      const typeOnly = node.isTypeOnly || (named !== undefined && named.elements.every((e) => e.isTypeOnly));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(key, found);
  return found;
}

const parsed = new Map<string, Import[]>();

/** The unit a file belongs to: its folder, or `folder/schema` for a file the plan puts on a floor of its own. */
function unitOf(path: string, plan: FloorPlan): string {
  const [folder, name] = path.split('/');
  if (name === undefined) return path;
  return plan.files.has(name) && path.split('/').length === 2 ? `${folder}/${name.replace(/\.ts$/, '')}` : folder!;
}

function floorOf(unit: string, plan: FloorPlan): number | undefined {
  // The entry points, src/index.ts (public) and src/internal.ts, stand above every floor.
  if (!unit.includes('/') && unit.endsWith('.ts')) return Number.POSITIVE_INFINITY;
  const slash = unit.indexOf('/');
  return slash < 0 ? plan.folders.get(unit) : plan.files.get(`${unit.slice(slash + 1)}.ts`);
}

/** The file a relative specifier names, among the sources when it is one of them. */
function resolve(from: string, specifier: string, sources: ReadonlyMap<string, string>): string {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\.js$/, '')));
  const candidates = [`${target}.ts`, `${target}/index.ts`, `${target}.d.ts`, target];
  return candidates.find((candidate) => sources.has(candidate)) ?? `${target}.ts`;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  /** `caps/decide.ts imports '../selection'`. */
  readonly why: string;
}

interface Graph {
  readonly units: ReadonlySet<string>;
  readonly edges: ReadonlyMap<string, ReadonlyMap<string, Edge>>;
  /** Relative imports that leave the tree the sources are in. */
  readonly outside: readonly string[];
}

/** The imports between units of the sources (paths relative to one folder), a unit being what `unitOf` makes of a path. */
function importGraph(sources: ReadonlyMap<string, string>, unitOf: (path: string) => string): Graph {
  const edges = new Map<string, Map<string, Edge>>();
  const units = new Set<string>();
  const outside: string[] = [];
  for (const [path, text] of sources) {
    const from = unitOf(path);
    units.add(from);
    for (const { specifier, typeOnly } of importsOf(path, text)) {
      // Bare specifiers are packages; `?raw` imports are data files' texts, not code.
      if (!specifier.startsWith('.') || specifier.endsWith('?raw')) continue;
      const target = resolve(path, specifier, sources);
      const why = `${path} imports${typeOnly ? ' type' : ''} '${specifier}'`;
      if (target.startsWith('../')) {
        outside.push(why);
        continue;
      }
      const to = unitOf(target);
      if (to === from) continue;
      const out = edges.get(from) ?? new Map<string, Edge>();
      edges.set(from, out);
      if (!out.has(to)) out.set(to, { from, to, why });
    }
  }
  return { units, edges, outside };
}

/**
 * Checks source texts by path relative to core's `src` (tests and fixtures left out by the caller)
 * against the plan. Returns one line per problem; none when the floors hold.
 */
export function checkFloors(sources: ReadonlyMap<string, string>, plan: FloorPlan): string[] {
  const problems: string[] = [];
  for (const path of sources.keys())
    if (floorOf(unitOf(path, plan), plan) === undefined) problems.push(`${path}: its folder has no floor in README.md`);
  const { units, edges, outside } = importGraph(sources, (path) => unitOf(path, plan));
  problems.push(...outside.map((why) => `${why}: outside core's src`));
  for (const out of edges.values()) {
    for (const { from, to, why } of out.values()) {
      const [fromFloor, toFloor] = [floorOf(from, plan), floorOf(to, plan)];
      if (fromFloor !== undefined && toFloor !== undefined && toFloor > fromFloor)
        problems.push(`${why}: climbs from ${from} (floor ${fromFloor}) to ${to} (floor ${toFloor})`);
    }
  }
  for (const loop of loops(units, edges))
    problems.push(`a loop between folders: ${loop.map((edge) => edge.why).join(', ')}`);
  return problems;
}

/** Loops of imports between files, type-only imports included: one line per loop, none when there is none. */
export function fileLoops(sources: ReadonlyMap<string, string>): string[] {
  const { units, edges } = importGraph(sources, (path) => path);
  return loops(units, edges).map((loop) => `a loop between files: ${loop.map((edge) => edge.why).join(', ')}`);
}

/** One loop of imports through each strongly connected group of units (Tarjan), as the edges that close it. */
function loops(units: ReadonlySet<string>, edges: ReadonlyMap<string, ReadonlyMap<string, Edge>>): Edge[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const connect = (unit: string): void => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit)!);
    stack.push(unit);
    for (const next of edges.get(unit)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(unit, Math.min(low.get(unit)!, index.get(next)!));
    }
    if (low.get(unit) !== index.get(unit)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== unit);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const unit of [...units].sort()) if (!index.has(unit)) connect(unit);
  return groups.map((group) => shortestLoop(group[0]!, new Set(group), edges));
}

/** The shortest path of imports from a unit back to itself, within its group. */
function shortestLoop(
  start: string,
  group: ReadonlySet<string>,
  edges: ReadonlyMap<string, ReadonlyMap<string, Edge>>,
) {
  const cameBy = new Map<string, Edge>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of edges.get(queue[i]!)?.values() ?? []) {
      if (!group.has(edge.to) || cameBy.has(edge.to)) continue;
      cameBy.set(edge.to, edge);
      if (edge.to === start) {
        const path: Edge[] = [];
        for (let at = start; path.length === 0 || at !== start; at = cameBy.get(at)!.from)
          path.unshift(cameBy.get(at)!);
        return path;
      }
      queue.push(edge.to);
    }
  }
  return [];
}
