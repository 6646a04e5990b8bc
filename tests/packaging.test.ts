import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What a vendor installs: the packed tarballs (pnpm pack, as pnpm publish packs them), installed by
// npm in a project outside the repository, used from strict nodenext TypeScript, ESM and CommonJS.
const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'packs', 'cli'] as const;
const built = PACKAGES.every((name) => existsSync(join(root, 'packages', name, 'dist/index.js')));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

let project = '';
const tarballs: Record<string, string> = {};

/** The fields of a package.json these tests read. */
interface Manifest {
  readonly version: string;
  readonly engines?: Record<string, string>;
  readonly license?: string;
  readonly repository?: { readonly type: string; readonly url: string; readonly directory?: string };
  readonly homepage?: string;
  readonly bugs?: { readonly url: string };
}
const contents: Record<string, string[]> = {};

describe.skipIf(!built)('the packed tarballs, installed by npm in a project of its own', () => {
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'portfolio-rules-vendor-'));
    for (const name of PACKAGES) {
      const packed = run(
        'npx',
        ['--yes', 'pnpm@10.34.9', 'pack', '--pack-destination', project],
        join(root, 'packages', name),
      );
      tarballs[name] = packed
        .split('\n')
        .filter((line) => line.endsWith('.tgz'))
        .at(-1)!
        .trim();
      contents[name] = run('tar', ['-tzf', tarballs[name]], project)
        .split('\n')
        .map((path) => path.replace(/^package\//, ''));
    }
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-vendor', private: true }));
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...Object.values(tarballs)],
      project,
    );
    for (const name of ['consumer.mts', 'consumer.cts'])
      copyFileSync(join(root, 'tests/vendor-project', name), join(project, name));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          outDir: 'out',
          skipLibCheck: false,
          typeRoots: [join(root, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
  }, 300_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('ship the licence, no test files, and one engines range with the repository fields', () => {
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License/);
    const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    for (const name of PACKAGES) {
      expect(contents[name]).toContain('LICENSE');
      expect(readFileSync(join(root, 'packages', name, 'LICENSE'), 'utf8')).toBe(license);
      expect(
        contents[name]!.filter((path) => /(^|\/)(test|tests|__snapshots__)\/|\.test\.|\.fixture\./.test(path)),
      ).toEqual([]);
      const manifest = JSON.parse(run('tar', ['-xzOf', tarballs[name]!, 'package/package.json'], project)) as Manifest;
      expect(manifest.engines).toEqual(rootManifest.engines);
      expect(manifest.license).toBe('MIT');
      expect(manifest.repository).toEqual({ ...rootManifest.repository, directory: `packages/${name}` });
      expect(manifest.homepage).toContain(`/packages/${name}`);
      expect(manifest.bugs?.url).toMatch(/\/issues$/);
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
    }
    expect(contents.core).toEqual(
      expect.arrayContaining([
        'pack.schema.json',
        'scenario.schema.json',
        'calendar.schema.json',
        'regional/taipei/pack.yaml',
      ]),
    );
    expect(contents.packs).toEqual(
      expect.arrayContaining([
        'schools/taipei-chenggong/pack.yaml',
        'resolved/taipei-chenggong.js',
        'resolved/taipei-chenggong.d.cts',
      ]),
    );
  });

  it('typecheck in a strict nodenext project (ESM and CommonJS consumers)', () => {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(readdirSync(join(project, 'out')).sort()).toEqual(['consumer.cjs', 'consumer.mjs']);
  }, 120_000);

  it('give one Taipei school the same answer through core, the packs package and its resolved pack (ESM)', () => {
    const result: unknown = JSON.parse(run(process.execPath, ['out/consumer.mjs'], project));
    const refusal = { allowed: false, codes: ['PR3002'], max: 6, clause: '課程學習成果勾選件數 (111學年度起)' };
    expect(result).toEqual({
      layers: ['national@2022-08-01', 'overlay:taipei', 'school:taipei-chenggong'],
      core: refusal,
      packs: refusal,
      resolved: refusal,
      packFindings: 0,
      packFile: '@portfolio-rules/packs/schools/taipei-chenggong/pack.yaml',
      refused: ['PR2001'],
    });
  });

  it('work from CommonJS', () => {
    expect(JSON.parse(run(process.execPath, ['out/consumer.cjs'], project))).toEqual({
      core: ['6/academicYear', '6/academicYear'],
      packs: ['6/academicYear', '6/academicYear'],
      resolved: ['6/academicYear', '6/academicYear'],
    });
  });

  it("give the CLI the same answer on the packs package's file", () => {
    // Magong's pack is complete (an owner and deputies for every duty): validate reports no error.
    const pack = 'node_modules/@portfolio-rules/packs/schools/magong/pack.yaml';
    const report: unknown = JSON.parse(
      run('npx', ['--no-install', 'portfolio-rules', 'validate', pack, '--format', 'json'], project),
    );
    expect(JSON.stringify(report)).not.toContain('"severity":"error"');
    expect(run(process.execPath, ['-p', "require('@portfolio-rules/core/package.json').version"], project)).toBe(
      (JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as Manifest).version,
    );
  });
});
