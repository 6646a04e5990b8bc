import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestJson } from '../src/scenarios/format';
import { parseJson } from './json';
import { run } from './run';

const REPO = new URL('../../../', import.meta.url).pathname;

/** A school's folder outside the repository: Magong's pack and the scenarios given. */
function school(scenarios: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'portfolio-rules-test-'));
  cpSync(join(REPO, 'schools/magong/pack.yaml'), join(cwd, 'pack.yaml'));
  mkdirSync(join(cwd, 'scenarios'));
  for (const [name, text] of Object.entries(scenarios)) writeFileSync(join(cwd, 'scenarios', name), text);
  return cwd;
}

const CAP = (max: number) =>
  `clause: 五(三)1\ntitle: 課程學習成果每學期上傳至多 ${max} 件\ngiven: { term: 11201 }\nwhen: { rule: caps.courseOutcome.upload }\nexpect: { value: { max: ${max} }, layer: school:magong, source: 五(三)1 }\n`;
const DEPUTY =
  'clause: 九(三)\ntitle: 任課教師出缺時由科內教師認證\ngiven: { term: 11201, unavailable: [courseTeacher] }\nwhen: { acting: courseOutcomeCertification }\nexpect: { acting: departmentTeacher }\n';

describe('portfolio-rules test', () => {
  it('runs the scenarios of the folder it is in, each with its clause and title, and tallies them', async () => {
    const cwd = school({ '01-cap.yaml': CAP(6), '02-deputy.yaml': DEPUTY });
    const result = await run(['test'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  ✔ scenarios/01-cap.yaml  五(三)1 課程學習成果每學期上傳至多 6 件');
    expect(result.stdout).toContain('  ✔ scenarios/02-deputy.yaml  九(三) 任課教師出缺時由科內教師認證');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✔ 情境 2 = 通過 2 + 未通過 0');
    const english = await run(['test', '.', '--lang', 'en'], { cwd });
    expect(english.stdout.trimEnd().split('\n').at(-1)).toBe('✔ scenarios 2 = passed 2 + failed 0');
  });

  it('shows a failing scenario with what was expected, what came out and the clause, and exits 1', async () => {
    const cwd = school({ '01-cap.yaml': CAP(7), '02-deputy.yaml': DEPUTY });
    const result = await run(['test', cwd], { cwd: tmpdir() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ✖ scenarios/01-cap.yaml  五(三)1 課程學習成果每學期上傳至多 7 件');
    expect(result.stdout).toContain('    依據：馬公補充規定 五(三)1');
    expect(result.stdout).toContain(
      '    ✗ caps.courseOutcome.upload：預期 {"max":7}，實得 {"max":6,"per":"semester","source":"五(三)1"}',
    );
    // Why it came out so, in the output's language.
    expect(result.stdout).toContain('caps.courseOutcome.upload.max 由 school:magong 馬公補充規定 五(三)1 設定');
    expect(result.stdout).not.toContain(' set by ');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 情境 2 = 通過 1 + 未通過 1');
    const english = await run(['test', cwd, '--lang', 'en'], { cwd: tmpdir() });
    expect(english.stdout).toContain('    clause: 馬公補充規定 五(三)1');
    expect(english.stdout).toContain('    ✗ caps.courseOutcome.upload: expected {"max":7}, got {"max":6');
    expect(english.stdout).toContain('caps.courseOutcome.upload.max set by school:magong 馬公補充規定 五(三)1');
  });

  it('reports a file that is not a scenario at its line and column, as a failed scenario', async () => {
    const cwd = school({ '01-typo.yaml': 'clause: 一\ntitle: t\nwhen: validate\nexpect: {}\ngivn: {}\n' });
    const result = await run(['test', '--lang', 'en'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('scenarios/01-typo.yaml:5:1  error  PR1003 unknown-key');
    expect(result.stdout).toContain('unknown key `givn` — did you mean `given`?');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ scenarios 1 = passed 0 + failed 1');
  });

  it('reports a scenario whose pack cannot be read, and runs the others', async () => {
    const cwd = school({ '01-cap.yaml': CAP(6), '02-old.yaml': `pack: versions/110.yaml\n${CAP(6)}` });
    const result = await run(['test', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as {
      scenarios: { file: string; status: string; problems: { code: string }[] }[];
    };
    expect(json.scenarios.map((s) => [s.file, s.status, s.problems.map((p) => p.code)])).toEqual([
      ['scenarios/01-cap.yaml', 'passed', []],
      ['scenarios/02-old.yaml', 'failed', ['PR9005']],
    ]);
  });

  it('takes one scenario file, the scenarios/ folder, or a folder of school folders', async () => {
    const cwd = school({ '01-cap.yaml': CAP(6), '02-deputy.yaml': DEPUTY });
    const one = await run(['test', 'scenarios/02-deputy.yaml', '--lang', 'en'], { cwd });
    expect(one.stdout.trimEnd().split('\n').at(-1)).toBe('✔ scenarios 1 = passed 1 + failed 0');
    const folder = await run(['test', 'scenarios', '--lang', 'en'], { cwd });
    expect(folder.stdout.trimEnd().split('\n').at(-1)).toBe('✔ scenarios 2 = passed 2 + failed 0');
    const parent = join(cwd, '..');
    const schools = await run(['test', parent, '--format', 'json'], { cwd: parent });
    const json = JSON.parse(schools.stdout) as { scenarios: { school: string }[] };
    expect(json.scenarios.filter((s) => s.school === cwd.slice(parent.length + 1))).toHaveLength(2);
  });

  it('never says ✔ for a folder with no scenario: PR9030, exit 2', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'portfolio-rules-test-'));
    const result = await run(['test', '--lang', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('.  error  PR9030 no-scenarios');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ scenarios 0 = passed 0 + failed 0');
    const missing = await run(['test', 'nowhere'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('PR9005 unreadable-file');
    // `test schools/*` names READMEs and tests too: each is said, not run as a scenario.
    writeFileSync(join(cwd, 'README.md'), '# notes\n');
    const notScenario = await run(['test', 'README.md', '--lang', 'en'], { cwd });
    expect(notScenario.code).toBe(2);
    expect(notScenario.stdout).toContain('README.md  error  PR9030 no-scenarios');
  });

  it('runs a scenario that expects a layer by its kind (`layer: school`) under any school id', async () => {
    const cwd = school({ '01-cap.yaml': CAP(6).replace('layer: school:magong', 'layer: school') });
    const result = await run(['test'], { cwd });
    expect(result.code).toBe(0);
    const wrong = school({ '01-cap.yaml': CAP(6).replace('layer: school:magong', 'layer: overlay') });
    const failed = await run(['test', '--lang', 'en'], { cwd: wrong });
    expect(failed.stdout).toContain('caps.courseOutcome.upload.max: expected layer overlay, got school:magong');
  });

  it('writes JSON with every scenario, its differences and the tally', async () => {
    const cwd = school({ '01-cap.yaml': CAP(7) });
    const result = await run(['test', '--format', 'json'], { cwd });
    const json = parseJson<TestJson>(result.stdout);
    expect(json).toMatchObject({
      version: 1,
      command: 'test',
      summary: { scenarios: 1, passed: 0, failed: 1, exitCode: 1 },
      scenarios: [
        {
          file: 'scenarios/01-cap.yaml',
          school: '.',
          clause: '五(三)1',
          document: '馬公補充規定',
          status: 'failed',
          failures: [
            {
              subject: 'caps.courseOutcome.upload',
              expected: '{"max":7}',
              actual: '{"max":6,"per":"semester","source":"五(三)1"}',
              message: {
                en: 'caps.courseOutcome.upload: expected {"max":7}, got {"max":6,"per":"semester","source":"五(三)1"}',
              },
            },
          ],
        },
      ],
    });
  });

  it('writes JUnit: one suite per school, one case per scenario, a failure saying what differs', async () => {
    const cwd = school({ '01-cap.yaml': CAP(7), '02-deputy.yaml': DEPUTY });
    const result = await run(['test', '--format', 'junit', '--lang', 'en'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('<testsuites name="portfolio-rules test" tests="2" failures="1" errors="0">');
    expect(result.stdout).toContain('<testsuite name="." tests="2" failures="1" errors="0">');
    expect(result.stdout).toContain(
      '<failure message="caps.courseOutcome.upload: expected {&quot;max&quot;:7}, got {&quot;max&quot;:6,',
    );
    expect(result.stdout).toContain(
      '<testcase classname="." name="scenarios/02-deputy.yaml 九(三) 任課教師出缺時由科內教師認證" file="scenarios/02-deputy.yaml"/>',
    );
  });
});
