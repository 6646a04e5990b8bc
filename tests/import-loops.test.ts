import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileLoops } from '../packages/core/test/floors';

/** A package's source files by path relative to its src, tests and fixtures left out. */
function sourcesOf(pkg: string): Map<string, string> {
  const src = new URL(`../packages/${pkg}/src/`, import.meta.url);
  return new Map(
    readdirSync(src, { recursive: true, encoding: 'utf8' })
      .map((path) => path.split('\\').join('/'))
      .filter((path) => path.endsWith('.ts') && !/\.(test|fixture)\.ts$/.test(path))
      .map((path) => [path, readFileSync(new URL(path, src), 'utf8')] as const),
  );
}

describe('no loops of imports between files (type-only imports included)', () => {
  it.each(['core', 'cli'])('in %s', (pkg) => {
    const sources = sourcesOf(pkg);
    expect(sources.size).toBeGreaterThan(40);
    expect(fileLoops(sources)).toEqual([]);
  });

  it('catches one', () => {
    const sources = sourcesOf('cli');
    sources.set('audit/request.ts', `import type { AuditRun } from './run';\n${sources.get('audit/request.ts')}`);
    expect(fileLoops(sources)).toEqual([
      "a loop between files: audit/request.ts imports type './run', audit/run.ts imports type './request'",
    ]);
  });
});
