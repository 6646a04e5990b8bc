// The editor a school author types in: Red Hat's yaml-language-server (VS Code's YAML extension)
// as a client of the pack, scenario and calendar schemas, through the `$schema` line of each file.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Diagnostic, LanguageServer } from './editor/language-server';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const MODELINE = /^# yaml-language-server: \$schema=/;

/** Every committed YAML file (not build copies) whose first line names a schema. */
function filesWithModeline(): string[] {
  return execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '')
    .map((file) => join(REPO, file))
    .filter((file) => MODELINE.test(readFileSync(file, 'utf8')))
    .sort();
}

/** The committed files that hold a mistake on purpose, and the one diagnostic each must get. */
const PLANTED: Readonly<Record<string, readonly string[]>> = {
  // The README's walkthrough: a misspelt key (and a loosened cap, which is validate's, not the schema's).
  'examples/packs/loosening.yaml': ['11: Property uplaod is not allowed.'],
};

const shown = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`);

let server: LanguageServer;
beforeAll(async () => {
  server = new LanguageServer();
  await server.initialize(REPO);
}, 60_000);
afterAll(() => server?.stop());

describe('every committed YAML file with a $schema line', () => {
  const files = filesWithModeline();
  it('are many: packs, scenarios, calendars', () => expect(files.length).toBeGreaterThan(150));
  it.each(files.map((file) => [relative(REPO, file), file]))('%s: no false diagnostic', async (name, file) => {
    expect(shown(await server.open(file))).toEqual(PLANTED[name] ?? []);
    server.close(file);
  });
});

/** A school's folder made by `init` outside the repository, as a school gets it. */
async function schoolFolder(): Promise<string> {
  const { main } = await import('../packages/cli/src/main');
  const cwd = mkdtempSync(join(tmpdir(), 'portfolio-rules-editor-'));
  const quiet = { write: () => true };
  expect(await main(['init', 'north', '--dir', '.'], { stdout: quiet, stderr: quiet, cwd })).toBe(0);
  return join(cwd, 'north');
}

/** The file with `from` replaced by `to` (which must be there), written beside it; its path and 0-based line. */
function plant(folder: string, file: string, from: string, to: string): { file: string; line: number } {
  const text = readFileSync(join(folder, file), 'utf8');
  const at = text.indexOf(from);
  expect(at, `${file} holds ${from}`).toBeGreaterThanOrEqual(0);
  const planted = join(folder, file.replace(/\.yaml$/, '.planted.yaml'));
  writeFileSync(planted, text.slice(0, at) + to + text.slice(at + from.length));
  return { file: planted, line: text.slice(0, at).split('\n').length - 1 };
}

describe("a school's folder made by init, outside the repository", () => {
  let folder = '';
  beforeAll(async () => {
    folder = await schoolFolder();
  }, 60_000);
  afterAll(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('has no diagnostic on its pack, calendar and scenarios', async () => {
    const files = [
      'pack.yaml',
      'calendar.yaml',
      ...readdirSync(join(folder, 'scenarios')).map((f) => `scenarios/${f}`),
    ];
    for (const file of files) expect([file, ...shown(await server.open(join(folder, file)))]).toEqual([file]);
  });

  it('still has none when the folder is copied elsewhere (the schemas travel with it)', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'portfolio-rules-copied-')), 'north');
    cpSync(folder, copy, { recursive: true });
    expect(shown(await server.open(join(copy, 'pack.yaml')))).toEqual([]);
    expect(shown(await server.open(join(copy, 'scenarios', '01-upload-cap.yaml')))).toEqual([]);
    rmSync(join(copy, '..'), { recursive: true, force: true });
  });

  it.each([
    ['a misspelt unit as owner', 'pack.yaml', 'owner: registration', 'owner: registraton', /registration/],
    ['a misspelt deputy', 'pack.yaml', 'deputies: [teaching', 'deputies: [teachng', /teaching/],
    ['a date that is no date', 'pack.yaml', 'date: 2023-06-30', 'date: 2023-13-45', /YYYY-MM-DD/],
    ['a misspelt key', 'pack.yaml', '  courseOutcome:\n    upload:', '  courseOutcome:\n    uplaod:', /uplaod/],
  ])('pack: %s is flagged at its line, in words', async (_name, file, from, to, message) => {
    const planted = plant(folder, file, from, to);
    const diagnostics = await server.open(planted.file);
    expect(diagnostics.length, shown(diagnostics).join('\n')).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.range.start.line)).toContain(
      planted.line + (from.startsWith('  courseOutcome') ? 1 : 0),
    );
    expect(shown(diagnostics).join('\n')).toMatch(message);
    expect(shown(diagnostics).join('\n')).not.toMatch(/\(\?:|\\d/);
  });

  it.each([
    [
      'a misspelt key under when: the one error shown',
      'scenarios/01-upload-cap.yaml',
      '  rule: caps',
      '  rul: caps',
      /^Property rul is not allowed/,
    ],
    ['a term that is no term', 'scenarios/01-upload-cap.yaml', 'term: 11201', 'term: "1121"', /11201 或 112-1/],
  ])('scenario: %s', async (_name, file, from, to, message) => {
    const planted = plant(folder, file, from, to);
    const diagnostics = await server.open(planted.file);
    expect(shown(diagnostics)).toHaveLength(1);
    expect(diagnostics[0]!.range.start.line).toBe(planted.line);
    expect(diagnostics[0]!.message).toMatch(message);
  });

  it('calendar: a date that is no date is flagged at its line, in words', async () => {
    const planted = plant(folder, 'calendar.yaml', 'closingCeremony: 2024-01-19', 'closingCeremony: 2024-1-19');
    const diagnostics = await server.open(planted.file);
    expect(shown(diagnostics)).toHaveLength(1);
    expect(diagnostics[0]!.range.start.line).toBe(planted.line);
    expect(diagnostics[0]!.message).toContain('YYYY-MM-DD');
  });

  it("completes a duty's owner with the known units and roles, and the school's own", async () => {
    const text = readFileSync(join(folder, 'pack.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('  basicData: { owner: '));
    const character = '  basicData: { owner: '.length;
    const labels = (await server.completion(join(folder, 'pack.yaml'), line, character)).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['registration', 'courseTeacher', 'information']));
  });

  it('completes the kinds of `when` in a scenario by their keys, described', async () => {
    const file = join(folder, 'scenarios', 'new.yaml');
    const text =
      '# yaml-language-server: $schema=../schemas/scenario.schema.json\nclause: 一\ntitle: t\nwhen:\n  \nexpect: {}\n';
    writeFileSync(file, text);
    await server.open(file);
    const items = await server.completion(file, 4, 2);
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['rule', 'window', 'acting', 'can', 'upload', 'steps']));
    expect(labels).not.toContain('object');
  });

  it('explains a key on hover in Chinese and English', async () => {
    const text = readFileSync(join(folder, 'pack.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('duties:'));
    const hover = await server.hover(join(folder, 'pack.yaml'), line, 2);
    expect(hover).toMatch(/[\u4e00-\u9fff]/);
    expect(hover).toMatch(/[a-z]{4}/);
  });
});
