import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The packed tarball is what vendors install: check it resolves in ESM and in CJS (date-fns 3.0 shipped broken packaging).
const core = fileURLToPath(new URL('../packages/core/', import.meta.url));
const built = existsSync(join(core, 'dist/index.js'));
let unpacked = '';

const node = (args: string[], cwd: string) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' }).trim();

describe.skipIf(!built)('the packed @portfolio-rules/core', () => {
  beforeAll(() => {
    const scratch = join(core, 'node_modules/.pack-test');
    mkdirSync(scratch, { recursive: true });
    const dir = mkdtempSync(join(scratch, 'pack-'));
    execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: core, stdio: 'ignore' });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
    execFileSync('tar', ['-xzf', tarball], { cwd: dir });
    unpacked = join(dir, 'package');
  });
  afterAll(() => rmSync(join(core, 'node_modules/.pack-test'), { recursive: true, force: true }));

  it('ships only dist, the JSON Schemas (pack, calendar, scenario) and the manifest', () => {
    expect(readdirSync(unpacked).sort()).toEqual([
      'README.md',
      'calendar.schema.json',
      'dist',
      'pack.schema.json',
      'package.json',
      'scenario.schema.json',
    ]);
  });

  it('loads with require() and with import, and exports the JSON Schema', () => {
    const cjs = node(
      [
        '-e',
        "const c = require('./dist/index.cjs'); console.log(typeof c.loadPack, typeof c.resolvePack, require('./pack.schema.json').type)",
      ],
      unpacked,
    );
    expect(cjs).toBe('function function object');
    const esm = node(
      [
        '--input-type=module',
        '-e',
        "const c = await import('./dist/index.js'); console.log(typeof c.loadPack, c.formatTerm({ year: 112, semester: 1 }))",
      ],
      unpacked,
    );
    expect(esm).toBe('function 11201');
  });
});
