import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFloors, importsOf, readFloorPlan } from './floors';

const SRC = new URL('../src/', import.meta.url);
const plan = readFloorPlan(readFileSync(new URL('README.md', SRC), 'utf8'));

/** Core's source files by path relative to src, tests and fixtures left out. */
const sources = new Map(
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.ts') && !/\.(test|fixture)\.ts$/.test(path))
    .map((path) => [path, readFileSync(new URL(path, SRC), 'utf8')] as const),
);

/** The sources with a line added to one file. */
function planted(path: string, line: string): Map<string, string> {
  const text = sources.get(path);
  if (text === undefined) throw new Error(`no ${path} in core`);
  return new Map(sources).set(path, `${line}\n${text}`);
}

describe('the floors of core (src/README.md)', () => {
  it('hold: no import climbs a floor or closes a loop between folders', () => {
    expect(sources.size).toBeGreaterThan(100);
    expect(checkFloors(sources, plan)).toEqual([]);
  });

  it('name every folder of src, and only those', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...plan.folders.keys()].sort()).toEqual(folders);
    expect([...plan.files.keys()].sort()).toEqual(['codes.ts', 'schema.ts']);
    expect(plan.repeated).toEqual([]);
  });

  it('catches a folder listed twice', () => {
    const twice = readFloorPlan('## Floor 1: a\n\n- `term`: terms\n\n## Floor 3: c\n\n- `term`: again\n');
    expect(twice.repeated).toEqual(['term']);
    expect(twice.folders.get('term')).toBe(3);
  });
});

describe('the floors check', () => {
  it('catches an import that climbs a floor', () => {
    expect(checkFloors(planted('term/index.ts', "import { createEngine } from '../engine';"), plan)).toContain(
      "term/index.ts imports '../engine': climbs from term (floor 1) to engine (floor 6)",
    );
  });

  it('catches a type-only import, an import() type and a re-export that climb', () => {
    const typeOnly = planted('records/items.ts', "import type { Engine } from '../engine';");
    expect(checkFloors(typeOnly, plan)).toContain(
      "records/items.ts imports type '../engine': climbs from records (floor 1) to engine (floor 6)",
    );
    const importType = planted('units/index.ts', "export type Found = import('../audit').Audit;");
    expect(checkFloors(importType, plan)).toContain(
      "units/index.ts imports type '../audit': climbs from units (floor 1) to audit (floor 6)",
    );
    const reExport = planted('layering/index.ts', "export { checkCaps } from '../caps';");
    expect(checkFloors(reExport, plan)).toContain(
      "layering/index.ts imports '../caps': climbs from layering (floor 3) to caps (floor 5)",
    );
  });

  it("catches a schema.ts that imports its own folder's decision code", () => {
    expect(checkFloors(planted('caps/schema.ts', "import { checkCaps } from './decide';"), plan)).toContain(
      "caps/schema.ts imports './decide': climbs from caps/schema (floor 2) to caps (floor 5)",
    );
  });

  it('catches a loop between two folders on one floor, type-only or not', () => {
    const problems = checkFloors(planted('caps/files.ts', "import type { SelectRequest } from '../selection';"), plan);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^a loop between folders: /);
    expect(problems[0]).toContain("caps/files.ts imports type '../selection'");
    expect(problems[0]).toMatch(/selection\/index\.ts imports '\.\.\/caps/);
  });

  it('catches a folder with no floor', () => {
    const added = new Map(sources).set('extras/index.ts', 'export const EXTRA = 1;\n');
    expect(checkFloors(added, plan)).toEqual(['extras/index.ts: its folder has no floor in README.md']);
  });

  it('reads every form of import', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import { type D, e } from './d';",
      "export * from './f';",
      "export type { G } from './g';",
      "const h = await import('./h');",
      "type I = import('./i').I;",
      "import './j';",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { specifier: './a', typeOnly: false },
      { specifier: './b', typeOnly: true },
      { specifier: './c', typeOnly: true },
      { specifier: './d', typeOnly: false },
      { specifier: './f', typeOnly: false },
      { specifier: './g', typeOnly: true },
      { specifier: './h', typeOnly: false },
      { specifier: './i', typeOnly: true },
      { specifier: './j', typeOnly: false },
    ]);
  });
});
