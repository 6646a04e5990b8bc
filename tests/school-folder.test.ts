// Where a school stands: a folder outside this repository with only the published CLI, installed by
// npm from the packed tarballs — init, validate, test, explain, render and timeline, and the editor.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageServer } from './editor/language-server';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BUILT = ['packages/core/dist/index.js', 'packages/cli/dist/main.js', 'packages/cli/template/pack.yaml'].every(
  (path) => existsSync(join(REPO, path)),
);

let scratch = '';
let project = '';
const school = () => join(project, 'north');

/** `npm pack` of a package into `into`, as it would be published: pnpm's `workspace:*` becomes the version. */
function pack(name: 'core' | 'cli', into: string): string {
  const folder = join(REPO, 'packages', name);
  const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', into], { cwd: folder, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  const unpacked = join(into, name);
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', join(into, file), '-C', unpacked]);
  const manifest = join(unpacked, 'package', 'package.json');
  const version = (JSON.parse(readFileSync(join(REPO, 'packages/core/package.json'), 'utf8')) as { version: string })
    .version;
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replaceAll('"workspace:*"', `"${version}"`));
  const tarball = join(into, `${name}.tgz`);
  execFileSync('tar', ['-czf', tarball, '-C', unpacked, 'package']);
  return tarball;
}

/** The installed binary, run in `cwd` as the school would run `npx portfolio-rules …`. */
const cli = (args: readonly string[], cwd = school()) => {
  const result = spawnSync(join(project, 'node_modules', '.bin', 'portfolio-rules'), args, { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe.skipIf(!BUILT)("a school's folder outside the repository, with the CLI installed by npm", () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'portfolio-rules-school-'));
    const tarballs = [pack('core', scratch), pack('cli', scratch)];
    project = join(scratch, 'school');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "north-high-rules", "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: project });
    expect(cli(['init', 'north', '--dir', '.'], project).code).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('init wrote the folder, with no path into this repository or into node_modules', () => {
    expect(readdirSync(school()).sort()).toEqual(['README.md', 'calendar.yaml', 'pack.yaml', 'scenarios', 'schemas']);
    for (const file of ['pack.yaml', 'calendar.yaml', 'README.md', 'scenarios/00-validate.yaml']) {
      const text = readFileSync(join(school(), file), 'utf8');
      expect(text).not.toContain(REPO);
      expect(text).not.toContain('node_modules');
      expect(text).not.toContain('packages/core');
    }
  });

  it('validate: the placeholders are flagged (PR1040), nothing else, exit 0', () => {
    const result = cli(['validate', 'pack.yaml', '--lang', 'en']);
    expect([...result.stdout.matchAll(/PR\d{4}/g)].map((match) => match[0])).toEqual(['PR1040', 'PR1040', 'PR1040']);
    expect(lastLine(result.stdout)).toBe('⚠ 0 errors, 3 warnings in 1 pack');
    expect(result.code).toBe(0);
  });

  it('test: the scenarios pass under the school’s own id', () => {
    const result = cli(['test', '--lang', 'en']);
    expect(lastLine(result.stdout)).toBe('✔ scenarios 4 = passed 4 + failed 0');
    expect(result.code).toBe(0);
  });

  it('test: a scenario the pack contradicts fails with what was expected and what came out, exit 1', () => {
    const file = join(school(), 'scenarios', '01-upload-cap.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('value: { max: 6', 'value: { max: 5'));
    const result = cli(['test', '--lang', 'en']);
    writeFileSync(file, original);
    expect(result.stdout).toContain('caps.courseOutcome.upload: expected {"max":5,"per":"semester"}, got {"max":6');
    expect(lastLine(result.stdout)).toBe('✖ scenarios 4 = passed 3 + failed 1');
    expect(result.code).toBe(1);
  });

  it('explain, render and timeline work on the folder', () => {
    const explain = cli(['explain', 'pack.yaml', 'caps']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/caps\.courseOutcome\.upload\.max +6 +school:north/);
    const render = cli(['render', 'pack.yaml']);
    expect(render.code).toBe(0);
    for (const heading of ['工作分工表', '代理人名單', '作業流程', '件數規定'])
      expect(render.stdout).toContain(heading);
    const timeline = cli(['timeline', 'pack.yaml', '--calendar', 'calendar.yaml']);
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toContain('課程學習成果上傳');
  });

  it('schema --write refreshes the schemas (after an upgrade), the ones the files point at', () => {
    rmSync(join(school(), 'schemas'), { recursive: true });
    expect(cli(['schema', '--write', '.']).code).toBe(0);
    expect(readdirSync(join(school(), 'schemas')).sort()).toEqual([
      'calendar.schema.json',
      'pack.schema.json',
      'scenario.schema.json',
    ]);
  });

  it('the editor (yaml-language-server) finds every schema and reports nothing, here and copied elsewhere', async () => {
    const copy = join(scratch, 'elsewhere', 'north');
    cpSync(school(), copy, { recursive: true });
    const server = new LanguageServer();
    try {
      await server.initialize(scratch);
      for (const folder of [school(), copy])
        for (const file of ['pack.yaml', 'calendar.yaml', 'scenarios/00-validate.yaml', 'scenarios/02-deputy.yaml'])
          expect([file, ...(await server.open(join(folder, file))).map((d) => d.message)]).toEqual([file]);
      // …and a mistake is reported, so the schema was read.
      const planted = join(copy, 'planted.yaml');
      writeFileSync(
        planted,
        readFileSync(join(copy, 'pack.yaml'), 'utf8').replace('owner: registration', 'owner: registraton'),
      );
      expect((await server.open(planted)).length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
