import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './run';

const scratch = () => mkdtempSync(join(tmpdir(), 'portfolio-rules-init-'));

describe('portfolio-rules init', () => {
  it('writes a working school folder: pack, scenarios, README, calendar, schemas; it validates and its scenarios pass', async () => {
    const cwd = scratch();
    const result = await run(['init', 'new-school'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已建立 schools/new-school/');
    expect(result.stdout).toContain('portfolio-rules validate schools/new-school/pack.yaml');
    const folder = join(cwd, 'schools/new-school');
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'calendar.yaml', 'pack.yaml', 'scenarios', 'schemas']);
    expect(readdirSync(join(folder, 'schemas')).sort()).toEqual([
      'calendar.schema.json',
      'pack.schema.json',
      'scenario.schema.json',
    ]);
    const text = readFileSync(join(folder, 'pack.yaml'), 'utf8');
    expect(text).toMatch(/^id: new-school$/m);
    expect(text).not.toMatch(/^id: template-school$/m);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('(new-school)');
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('條文對照表');

    // Every $schema line resolves inside the folder itself, to the schema of its kind.
    const modelines = [
      'pack.yaml',
      'calendar.yaml',
      ...readdirSync(join(folder, 'scenarios')).map((f) => `scenarios/${f}`),
    ].map((file) => [
      file,
      /^# yaml-language-server: \$schema=(.*)$/m.exec(readFileSync(join(folder, file), 'utf8'))?.[1],
    ]);
    expect(modelines).toContainEqual(['pack.yaml', 'schemas/pack.schema.json']);
    expect(modelines).toContainEqual(['calendar.yaml', 'schemas/calendar.schema.json']);
    expect(modelines).toContainEqual(['scenarios/00-validate.yaml', '../schemas/scenario.schema.json']);
    for (const [file, target] of modelines) expect(existsSync(join(folder, dirname(file!), target!)), file).toBe(true);

    // Only the template's placeholders (○○高級中學, ○○補充規定) are left for the school to replace.
    const validated = await run(['validate', 'schools/new-school/pack.yaml'], { cwd });
    expect(validated.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 1 個規定檔中有 0 個錯誤、3 個警告');
    expect([...validated.stdout.matchAll(/PR\d{4}/g)].map((match) => match[0])).toEqual(['PR1040', 'PR1040', 'PR1040']);
    expect(validated.code).toBe(0);
    const tested = await run(['test', 'schools/new-school', '--lang', 'en'], { cwd });
    expect(tested.stdout.trimEnd().split('\n').at(-1)).toBe('✔ scenarios 4 = passed 4 + failed 0');
    expect(tested.code).toBe(0);
    const timeline = await run(
      ['timeline', 'schools/new-school/pack.yaml', '--calendar', 'schools/new-school/calendar.yaml'],
      { cwd },
    );
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toContain('課程學習成果上傳');
  });

  it('takes another folder with --dir and any template (here a fixture)', async () => {
    const cwd = scratch();
    const template = join(cwd, 'template');
    mkdirSync(join(template, 'scenarios'), { recursive: true });
    writeFileSync(
      join(template, 'pack.yaml'),
      '# yaml-language-server: $schema=nowhere.json\nid: template-school\nname: 範本\ndocument: 範本規定\n',
    );
    writeFileSync(
      join(template, 'scenarios', '00.yaml'),
      'clause: 全文\ntitle: t\nwhen: validate\nexpect: { allowed: true }\n',
    );
    const result = await run(['init', 'north', '--dir', 'packs', '--lang', 'en'], { cwd, templateFolder: template });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created packs/north/');
    const text = readFileSync(join(cwd, 'packs/north/pack.yaml'), 'utf8');
    expect(text).toBe(
      '# yaml-language-server: $schema=schemas/pack.schema.json\nid: north\nname: 範本\ndocument: 範本規定\n',
    );
    expect(readFileSync(join(cwd, 'packs/north/scenarios/00.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/scenario\.schema\.json\nclause: 全文\n/,
    );
  });

  it('never overwrites a pack without --force (PR9008), exit 2', async () => {
    const cwd = scratch();
    expect((await run(['init', 'twice'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, 'schools/twice/pack.yaml'), 'id: twice # edited\n');
    const again = await run(['init', 'twice'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('PR9008');
    expect(readFileSync(join(cwd, 'schools/twice/pack.yaml'), 'utf8')).toBe('id: twice # edited\n');
    expect((await run(['init', 'twice', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'schools/twice/pack.yaml'), 'utf8')).toMatch(/^id: twice$/m);
  });

  it('refuses a school id that is not a pack id (PR9009), exit 2, writing nothing', async () => {
    const result = await run(['init', '馬公高中'], { cwd: scratch() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9009');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/init-invalid-id.txt');
  });

  it('reports a missing template as unreadable (PR9005), exit 2', async () => {
    const result = await run(['init', 'x'], { cwd: scratch(), templateFolder: join(FIXTURES, 'no-template') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9005');
  });

  it('reports a --dir it cannot write in as PR9011, exit 2, not a stack trace', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'schools'), 'a file where the folder should be');
    const result = await run(['init', 'x', '--lang', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9011');
    expect(result.stderr).toContain('cannot write `schools/x/');
  });
});
