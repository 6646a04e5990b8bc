import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './run';

const scratch = () => mkdtempSync(join(tmpdir(), 'portfolio-rules-init-'));

describe('portfolio-rules init', () => {
  it('writes schools/<id>/pack.yaml from the template with the id in place: it validates, its ○○ flagged', async () => {
    const cwd = scratch();
    const result = await run(['init', 'new-school'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已建立 schools/new-school/pack.yaml');
    expect(result.stdout).toContain('portfolio-rules validate schools/new-school/pack.yaml');
    const text = readFileSync(join(cwd, 'schools/new-school/pack.yaml'), 'utf8');
    expect(text).toMatch(/^id: new-school$/m);
    expect(text).not.toMatch(/^id: template-school$/m);
    const schemaPath = /\$schema=(.*)$/m.exec(text)?.[1] ?? '';
    expect(readFileSync(join(cwd, 'schools/new-school', schemaPath), 'utf8')).toContain('"$schema"');
    const validated = await run(['validate', 'schools/new-school/pack.yaml'], { cwd });
    // Only the template's placeholders (○○高級中學, ○○補充規定) are left for the school to replace.
    expect(validated.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 1 個規定檔中有 0 個錯誤、3 個警告');
    expect([...validated.stdout.matchAll(/PR\d{4}/g)].map((match) => match[0])).toEqual(['PR1040', 'PR1040', 'PR1040']);
    expect(validated.code).toBe(0);
  });

  it('takes another folder with --dir and any template (here a fixture)', async () => {
    const cwd = scratch();
    const template = join(cwd, 'template.yaml');
    writeFileSync(
      template,
      '# yaml-language-server: $schema=nowhere.json\nid: template-school\nname: 範本\ndocument: 範本規定\n',
    );
    const result = await run(['init', 'north', '--dir', 'packs', '--lang', 'en'], { cwd, templateFile: template });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created packs/north/pack.yaml');
    const text = readFileSync(join(cwd, 'packs/north/pack.yaml'), 'utf8');
    expect(text).toContain('id: north\nname: 範本\n');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*packages\/core\/pack\.schema\.json$/m);
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
    const result = await run(['init', 'x'], { cwd: scratch(), templateFile: join(FIXTURES, 'no-template.yaml') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9005');
  });

  it('reports a --dir it cannot write in as PR9011, exit 2, not a stack trace', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'schools'), 'a file where the folder should be');
    const result = await run(['init', 'x', '--lang', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9011');
    expect(result.stderr).toContain('cannot write `schools/x/pack.yaml`');
  });
});
