// Each pack's README keeps a complete clause table: every clause the pack cites, and every scenario file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { SCHOOLS_DIR, schoolFolders } from './_lib/packs';

/** The clauses a pack cites with its own document: every bare `source:`, split at 、. */
function citedClauses(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((inner) => citedClauses(inner, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'source' && typeof inner === 'string') inner.split('、').forEach((clause) => out.add(clause.trim()));
      else citedClauses(inner, out);
    }
  }
  return out;
}

/** The first cells of the README's table rows. */
function firstCells(readme: string): string[] {
  return readme
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) => line.split('|')[1]?.trim() ?? '');
}

describe.each(schoolFolders().filter((folder) => folder !== '_template'))('schools/%s/README.md', (folder) => {
  const dir = join(SCHOOLS_DIR, folder);
  const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
  const files = [
    'pack.yaml',
    ...(existsSync(join(dir, 'versions')) ? readdirSync(join(dir, 'versions')).map((name) => `versions/${name}`) : []),
  ];

  it('exists', () => expect(readme).not.toBe(''));

  it('lists every clause the pack cites in its clause table', () => {
    const cells = firstCells(readme).join('\n');
    const missing = files.flatMap((file) => {
      const { pack } = loadPack(readFileSync(join(dir, file), 'utf8'));
      return [...citedClauses(pack)].filter((clause) => !cells.includes(clause)).map((clause) => `${file}: ${clause}`);
    });
    expect(missing).toEqual([]);
  });

  it('names every scenario file', () => {
    const scenarios = existsSync(join(dir, 'scenarios'))
      ? readdirSync(join(dir, 'scenarios')).filter((name) => name.endsWith('.yaml'))
      : [];
    expect(scenarios.filter((name) => !readme.includes(name))).toEqual([]);
  });
});
