import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACTIVITIES,
  ANCHORS,
  COMMON_UNITS,
  DIVISIONS,
  DUTIES,
  ENROLMENT_CHANGES,
  PERMISSIONS,
  RECORD_KINDS,
  ROLES,
  SCOPES,
  loadPack,
} from '@portfolio-rules/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../packages/cli/test/visible-text';
import { MAGONG_DUTIES } from '../packages/core/src/duties/seed-tables.fixture';

// A reader in Chinese never meets an identifier of the vocabulary (`departmentTeacher`,
// `courseOutcomeCertification`, `registration`): every command, run in zh-TW on every bundled school
// and its generated data, prints names (科內教師, 課程學習成果認證, 註冊組). Left out of the scan, on
// purpose: the lines of a code frame (they quote the pack as written), `explain`'s table of keys and
// values (the pack's settings as the author writes them) and paths of files.
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/portfolio-rules.js');
const built = existsSync(join(root, 'packages/cli/dist/index.js'));
const schools = ['magong', 'hsinchu-vocational', 'pingrong', 'taipei-chenggong', 'vendor-defaults'];
const vocabulary = [
  ...DUTIES,
  ...ROLES,
  ...PERMISSIONS,
  ...SCOPES.filter((scope) => scope !== 'all' && scope !== 'self'),
  ...ACTIVITIES,
  ...ANCHORS,
  ...RECORD_KINDS,
  ...ENROLMENT_CHANGES,
  ...DIVISIONS.filter((division) => division !== 'day'),
  ...Object.keys(COMMON_UNITS),
];
const identifierOf = (words: readonly string[]) => new RegExp(`(?<![\\w./:-])(${words.join('|')})(?![\\w-])`);
const identifier = identifierOf(vocabulary);

function run(args: readonly string[], cwd: string, stdout: 'pipe' | number = 'pipe'): string {
  const result = spawnSync(process.execPath, [bin, ...args, '--lang', 'zh-TW'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', stdout, 'pipe'],
  });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
  return `${result.stdout ?? ''}\n${result.stderr}`;
}

/** The lines a reader reads as text: not a code frame's, not a file's name. */
function prose(output: string): string[] {
  return (
    output
      .split('\n')
      .filter((line) => !/^\s*\d*\s*\|/.test(line))
      // A finding's place comes first on its line: a file's position, or its subject when it has none.
      .map((line) => line.replace(/^\S+(?=\s{2}(?:錯誤|警告|提示)\s{2}PR\d{4})/, ''))
      .map((line) => line.replace(/\S+\.(?:ya?ml|ndjson|csv|html|json)(?::\d+(?::\d+)?)?/g, ''))
  );
}

describe.skipIf(!built)('zh-TW output names the vocabulary in Chinese (skipped unless built)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zh-tw-scan-'));
  beforeAll(() => {
    for (const school of schools) {
      const fd = openSync(join(folder, `${school}.ndjson`), 'w');
      run(
        [
          'sample',
          '--pack',
          join(root, `schools/${school}/pack.yaml`),
          '--students',
          '150',
          '--seed',
          '3',
          '--calendar',
          `${school}-calendars`,
        ],
        folder,
        fd,
      );
      closeSync(fd);
    }
  }, 120_000);

  it.each(schools)('%s: validate, audit, render, timeline, explain and test', (school) => {
    const pack = join(root, `schools/${school}/pack.yaml`);
    const calendars = join(folder, `${school}-calendars`);
    const calendar = join(calendars, readdirSync(calendars).sort().at(-1)!);
    const outputs = {
      validate: run(['validate', pack], root),
      'audit (pack)': run(['audit', pack], root),
      'audit (data)': run(
        ['audit', pack, '--data', `${school}.ndjson`, '--calendar', calendars, '--as-of', '2024-11-30'],
        folder,
      ),
      'audit (html report)': visibleText(
        run(
          [
            'audit',
            pack,
            '--data',
            `${school}.ndjson`,
            '--calendar',
            calendars,
            '--as-of',
            '2024-11-30',
            '--format',
            'html',
          ],
          folder,
        ),
        ['code'],
      ),
      render: run(['render', pack], root),
      timeline: run(['timeline', pack, '--calendar', calendar], root),
      explain: run(['explain', pack], root),
      test: run(['test', join(root, `schools/${school}`)], root),
    };
    expect(offendingIn(outputs, identifier)).toEqual([]);
  });

  it('diff of two versions of a pack', () => {
    const versions = join(root, 'schools/hsinchu-vocational/versions');
    const [earlier] = readdirSync(versions).filter((name) => name.endsWith('.yaml'));
    const output = run(['diff', join(versions, earlier!), join(root, 'schools/hsinchu-vocational/pack.yaml')], root);
    expect(prose(output).filter((line) => identifier.test(line))).toEqual([]);
  });
});

/** `explain`'s prose: its notes (↳, indented) and findings, not its table's rows (a key path, then columns) as the pack writes them. */
const explainProse = (output: string) => prose(output).filter((line) => !/^\S+\s{2,}/.test(line));

/** The lines of `output` that name an identifier of `words`, by command. */
function offendingIn(outputs: Readonly<Record<string, string>>, words: RegExp): string[] {
  const found = Object.entries(outputs).flatMap(([command, output]) =>
    (command.startsWith('explain') ? explainProse(output) : prose(output))
      .filter((line) => words.test(line))
      .map((line) => `${command}: ${line.trim()}`),
  );
  return [...new Set(found)];
}

// A pack that says what the bundled ones never do: roles and a unit of its own in its table of duties
// (PR5010, PR5011, PR5014, PR5109), windows written relative to the calendar that the national rules
// refuse (PR6010–PR6012) and bounds on them (PR6014, PR6015), and scenarios that fail, so that `test`
// shows what it found and why.
const OWN_PACK = `id: words-demo
name: 示範高中學生學習歷程檔案作業補充規定
document: 示範補充規定
units:
  library: { name: 圖書館, office: 教務處 }
roles:
  cadreRoster:
    name: 幹部經歷名冊提交人員
    en: cadre roster submitter
    permissions: [{ permission: submitToCentral, scope: cadre }]
    source: 五
  dataQuery:
    name: 資料查詢人員
    permissions: [{ permission: viewPortfolio, scope: all }, { permission: certifyCourseOutcomes, scope: all }]
    source: 三
${MAGONG_DUTIES.replace('[teaching, equipment]', '[teaching, library]')
  .replace('[specialEducation, examinations]', '[specialEducation, library]')
  .replace('[examinations, teaching]', '[examinations, library]')
  .replace(
    '{ owner: studentLife, deputies: [activities, discipline]',
    '{ owner: cadreRoster, deputies: [cadreRoster, library, library]',
  )}windows:
  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 1 }, source: 四 }
  - { activity: finalSubmission, closes: { anchor: nationalUploadDeadline, days: 1 }, source: 四 }
  - { activity: receiptConfirmation, opens: { anchor: nationalSubmissionOpens, days: 1 }, closes: { anchor: nationalSubmissionOpens, days: 2 }, source: 四 }
  - { activity: gradeEntry, closes: { anchor: closingCeremony, days: 3 }, source: 四 }
windowBounds:
  - { activity: gradeEntry, closesAfter: { anchor: closingCeremony, weeks: 1 }, source: 六 }
  - { activity: precheck, closesAfter: { monthDay: 09-10, from: termEnd }, source: 六 }
`;
const OWN_SCENARIOS = {
  '00-validate.yaml': 'clause: 全文\ntitle: 規定檢核無誤\nwhen: validate\nexpect:\n  findings: []\n',
  '01-acting.yaml':
    'clause: 九(三)\ntitle: 名冊提交人員出缺時仍由其辦理\ngiven: { term: 11201, unavailable: [cadreRoster] }\nwhen: { acting: cadreSubmission }\nexpect: { acting: cadreRoster, chain: [cadreRoster, library] }\n',
  '02-can.yaml':
    'clause: 五\ntitle: 名冊提交人員提交課程學習成果\ngiven: { term: 11201, people: [{ id: 提交員, roles: [cadreRoster] }] }\nwhen: { can: submitToCentral, by: 提交員, on: { kind: courseOutcome, studentId: S1 }, at: 2024-02-10 }\nexpect: { allowed: true }\n',
  '03-certify.yaml':
    'clause: 九(三)\ntitle: 科內教師代理認證\ngiven: { term: 11201, unavailable: [courseTeacher], people: [{ id: 林老師, roles: [departmentTeacher], departments: [science] }] }\nwhen: { can: certifyCourseOutcomes, by: 林老師, on: { kind: courseOutcome, studentId: S1, course: physics, department: science, domain: nature }, at: 2024-01-25 }\nexpect: { allowed: false }\n',
};
/** YAML a school's staff gets wrong: a quote left open, a tab, a colon in a value, a bracket left open, an alias to nothing. */
const BROKEN_YAML = {
  'quote.yaml': 'id: x\nname: "示範\ndocument: 示範補充規定\n',
  'tab.yaml': 'id: x\nname: 示範\ncaps:\n\tcourseOutcome: 1\n',
  'colon.yaml': 'id: x\nname: 示範\ndocument: 示範補充規定: 112學年度\n  key: 1\n- item\n',
  'bracket.yaml': 'id: x\nname: [示範, 高中\ndocument: 示範補充規定\n',
  'alias.yaml': 'id: x\nname: 示範\ndocument: *nope\n',
};

describe.skipIf(!built)(
  "zh-TW output names a pack's own roles, units and date rules in words (skipped unless built)",
  () => {
    const folder = mkdtempSync(join(tmpdir(), 'zh-tw-own-'));
    const calendar = join(root, 'examples/calendars/112.yaml');
    beforeAll(() => {
      mkdirSync(join(folder, 'scenarios'));
      mkdirSync(join(folder, 'calendars'));
      mkdirSync(join(folder, 'broken'));
      writeFileSync(join(folder, 'pack.yaml'), OWN_PACK);
      copyFileSync(calendar, join(folder, 'calendars/112.yaml'));
      for (const [name, text] of Object.entries(OWN_SCENARIOS)) writeFileSync(join(folder, 'scenarios', name), text);
      for (const [name, text] of Object.entries(BROKEN_YAML)) writeFileSync(join(folder, 'broken', name), text);
    });
    const packIds = (text: string) => {
      const pack = loadPack(text).pack;
      return [...Object.keys(pack?.roles ?? {}), ...Object.keys(pack?.units ?? {})];
    };

    it('a pack with roles and a unit of its own and windows the national rules refuse: validate, audit, explain, render, timeline, test', () => {
      const outputs = {
        validate: run(['validate', 'pack.yaml'], folder),
        audit: run(['audit', 'pack.yaml', '--calendar', 'calendars'], folder),
        explain: run(['explain', 'pack.yaml'], folder),
        render: run(['render', 'pack.yaml'], folder),
        timeline: run(['timeline', 'pack.yaml', '--calendar', 'calendars/112.yaml'], folder),
        test: run(['test', '.'], folder),
      };
      // What the scan is about is there to be scanned: the findings, the role in words, the failing scenarios.
      for (const code of ['PR5010', 'PR5011', 'PR5014', 'PR5109', 'PR6010', 'PR6011', 'PR6012', 'PR6014', 'PR6015'])
        expect(outputs.validate).toContain(code);
      expect(outputs.validate).toContain('「幹部經歷名冊提交人員」就是主責單位本身');
      expect(outputs.explain).toContain('↳ 宣告之角色「幹部經歷名冊提交人員」');
      expect(outputs.test).toContain('✖ 情境 4 = 通過 0 + 未通過 4');
      expect(offendingIn(outputs, identifierOf([...vocabulary, ...packIds(OWN_PACK)]))).toEqual([]);
    });

    it('the example platform overlay (schools/_example-platform): validate, audit, explain, render, timeline, test', () => {
      const example = join(root, 'schools/_example-platform');
      const pack = join(example, 'pack.yaml');
      const outputs = {
        validate: run(['validate', pack], root),
        audit: run(['audit', pack], root),
        explain: run(['explain', pack], root),
        render: run(['render', pack], root),
        timeline: run(['timeline', pack, '--calendar', calendar], root),
        test: run(['test', example], root),
      };
      expect(outputs.explain).toContain('↳ 宣告之角色「資料查詢人員」：檢視學習歷程 (全部)、查看統計 (全部)');
      expect(outputs.render).toContain('資料查詢人員');
      expect(offendingIn(outputs, identifierOf([...vocabulary, ...packIds(readFileSync(pack, 'utf8'))]))).toEqual([]);
    });

    it("YAML syntax errors: said in Chinese, not in the parser's English", () => {
      const outputs = Object.fromEntries(
        Object.keys(BROKEN_YAML).map((name) => [name, run(['validate', join('broken', name)], folder)]),
      );
      const messages = Object.entries(outputs).flatMap(([name, output]) =>
        prose(output)
          .filter((line) => line.includes('YAML 語法錯誤'))
          .map((line) => `${name}: ${line.trim()}`),
      );
      expect(messages.length).toBeGreaterThanOrEqual(Object.keys(BROKEN_YAML).length);
      expect(messages.filter((line) => /[A-Za-z]{3,}/.test(line.replace(/^\S+: |YAML|Tab|PR1001/g, '')))).toEqual([]);
      expect(offendingIn(outputs, identifier)).toEqual([]);
    });
  },
);
