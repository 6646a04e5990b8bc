import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, diff, explain, render, runScenarioFile } from '../src/engine';
import { WORDS } from '../src/words';
import type { Entry } from '../../cli/src/browser';

// What the page computes from its texts, outside the browser: the same answers as the CLI's
// commands, and an answer (never a thrown error) for any text at all.

const school = (path: string) => readFileSync(new URL(`../../../schools/${path}`, import.meta.url), 'utf8');
const MAGONG = { file: 'pack.yaml', text: school('magong/pack.yaml') };
const SELECT_LINE = 35;
const loosened = {
  ...MAGONG,
  text: MAGONG.text.replace(
    'select: { max: 10, per: academicYear, source: 六(一) }',
    'select: { max: 12, per: academicYear, source: 六(一) }',
  ),
};

/** A pack in force since term 10801, with nothing of its own. */
const SINCE_108 = {
  file: 'pack.yaml',
  text: 'id: demo\nname: 示範高中學生學習歷程檔案作業補充規定\ndocument: 示範補充規定\nappliesFrom: 10801\n',
};

/** The row of `explain` for a key. */
const valueOf = (explained: { readonly entries: readonly Entry[] }, path: string) =>
  explained.entries.find((each) => each.path === path);

describe('validate and explain in the page', () => {
  it("finds nothing wrong in Magong's pack, and PR2002 on the selection cap's line once it is raised to 12", () => {
    expect(MAGONG.text.split('\n')[SELECT_LINE - 1]).toContain('select: { max: 10');
    expect(check(MAGONG).findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const found = check(loosened).findings.filter((finding) => finding.code === 'PR2002');
    expect(found).toHaveLength(1);
    expect(found[0]?.position).toMatchObject({ line: SELECT_LINE });
    expect(found[0]?.message['zh-TW']).toContain('10');
  });

  it('explains each effective value with its layer, clause and national bound', () => {
    const explained = explain(MAGONG, check(MAGONG));
    const entry = 'entries' in explained ? valueOf(explained, 'caps.diversePerformance.select.max') : undefined;
    expect(entry).toMatchObject({ value: 10, layer: 'school:magong', source: { clause: '六(一)' } });
    expect(entry?.bound).toMatchObject({ kind: 'capMax', max: 10 });
  });

  it('has nothing to explain when the pack cannot be read', () => {
    const broken = { file: 'pack.yaml', text: 'caps: [' };
    expect(explain(broken, check(broken))).toEqual({ findings: [] });
  });

  it('explains the rules in force in a term, as explain --term does', () => {
    // A pack in force since 10801 spans the national reform of 11101: 3 course outcomes selected a
    // semester before it, 6 a year after.
    const checked = check(SINCE_108);
    const select = (term: string) => {
      const explained = explain(SINCE_108, checked, term);
      if (!('entries' in explained)) throw new Error(`no rules for ${term}: ${JSON.stringify(explained.findings)}`);
      const max = valueOf(explained, 'caps.courseOutcome.select.max');
      return [explained.effective.national.layer, explained.term, max?.value, max?.layer];
    };
    expect(select('10802')).toEqual(['national@2019-08-01', { year: 108, semester: 2 }, 3, 'national@2019-08-01']);
    expect(select('110-2')).toEqual(['national@2019-08-01', { year: 110, semester: 2 }, 3, 'national@2019-08-01']);
    expect(select(' 11201 ')).toEqual(['national@2022-08-01', { year: 112, semester: 1 }, 6, 'national@2022-08-01']);
    expect(select('')).toEqual(['national@2022-08-01', undefined, 6, 'national@2022-08-01']);
  });

  it('says why there is nothing to explain for a malformed term (PR9004) or one outside the period (PR2007)', () => {
    const checked = check(MAGONG);
    const why = (term: string) => {
      const explained = explain(MAGONG, checked, term, '學期');
      return 'findings' in explained
        ? explained.findings.map((finding) => [finding.code, finding.message['zh-TW']])
        : [];
    };
    expect(why('112-3')).toEqual([['PR9004', '選項 學期 的值「112-3」不正確；可用的值：11201、112-1']]);
    expect(why('next term')).toHaveLength(1);
    const outside = why('10901');
    expect(outside.map(([code]) => code)).toEqual(['PR2007']);
    expect(outside[0]?.[1]).toContain('10901');
  });
});

describe('render and diff in the page write what the commands write', () => {
  it("renders Magong's document, and refuses to while the pack has an error", () => {
    const written = render(MAGONG, 'html', 'all', 'zh-TW');
    expect(written.output).toContain('<h1>國立馬公高級中學建置學生學習歷程檔案作業補充規定</h1>');
    expect(render(MAGONG, 'md', 'caps', 'en').output).toMatch(/^#/);
    const refused = render(loosened, 'html', 'all', 'zh-TW');
    expect(refused.output).toBeUndefined();
    expect(refused.findings.map((finding) => finding.code)).toContain('PR2002');
  });

  it("diffs Hsinchu's versions into the amendment table", () => {
    const current = { file: 'versions/111.yaml', text: school('hsinchu-vocational/versions/111.yaml') };
    const amended = { file: 'pack.yaml', text: school('hsinchu-vocational/pack.yaml') };
    const written = diff(current, amended, 'md', 'zh-TW', false);
    expect(written.output).toContain('| 修正條文 | 現行條文 | 說明 |');
    expect(diff(current, loosened, 'md', 'zh-TW', false).output).toBeUndefined();
  });
});

describe('scenarios in the page', () => {
  const scenario = {
    file: 'scenarios/04.yaml',
    text: school('magong/scenarios/04-diverse-performance-select-cap.yaml'),
  };

  it("passes Magong's selection-cap scenario, and fails it once the cap is raised", () => {
    expect(runScenarioFile(scenario, [MAGONG]).passed).toBe(true);
    const failed = runScenarioFile(scenario, [loosened]);
    expect(failed.passed).toBe(false);
    expect(failed.outcome?.failures.length).toBeGreaterThan(0);
  });

  it('says which pack is missing when a scenario names one the page does not hold (PR9005)', () => {
    const run = runScenarioFile(
      { file: 'scenarios/01.yaml', text: school('hsinchu-vocational/scenarios/01-validate-111.yaml') },
      [MAGONG],
    );
    expect(run).toMatchObject({ passed: false, packFile: 'versions/111.yaml' });
    expect(run.problems.map((problem) => [problem.code, problem.message.en])).toEqual([
      ['PR9005', expect.stringContaining('versions/111.yaml') as string],
    ]);
  });

  it("starts a new scenario from one that passes, in either language's words", () => {
    for (const language of ['zh-TW', 'en'] as const)
      expect(runScenarioFile({ file: 'new.yaml', text: WORDS[language].scenarioTemplate }, [MAGONG]).passed).toBe(true);
  });

  it('reports a file that is not a scenario by its findings', () => {
    const run = runScenarioFile({ file: 'scenarios/x.yaml', text: 'when: [' }, [MAGONG]);
    expect(run.passed).toBe(false);
    expect(run.problems.length).toBeGreaterThan(0);
  });
});

describe('a failure inside the page', () => {
  it('is a PR9020 finding in that panel, not a thrown error', () => {
    const broken = {
      file: 'pack.yaml',
      get text(): string {
        throw new Error('the editor went away');
      },
    };
    expect(check(broken).findings.map((finding) => [finding.code, finding.message.en])).toEqual([
      ['PR9020', expect.stringContaining('the editor went away') as string],
    ]);
    expect(render(broken, 'html', 'all', 'en').findings[0]?.code).toBe('PR9020');
    expect(runScenarioFile(broken, [MAGONG]).problems[0]?.code).toBe('PR9020');
  });
});

describe('any text at all', () => {
  const hostile = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '__proto__: { x: 1 }',
      'constructor: { prototype: 1 }',
      '&a [*a, *a]',
      'caps: !!js/function x',
      '\u0000\uffff',
      'a: &a\n  b: *a',
    ),
    fc.string().map((tail) => `${MAGONG.text.slice(0, 800)}${tail}`),
  );

  it("answers a huge paste and a billion-laughs alias bomb with core's bounds, not a frozen page", () => {
    const huge = check({ file: 'pack.yaml', text: `${MAGONG.text}\n# ${'x'.repeat(5_000_000)}` });
    expect(huge.findings.map((finding) => finding.code)).toContain('PR1012');
    const aliases = Array.from(
      { length: 30 },
      (_, index) =>
        `b${index}: &b${index} [*${index === 0 ? 'a' : `b${index - 1}`}, *${index === 0 ? 'a' : `b${index - 1}`}]`,
    );
    const bomb = check({ file: 'pack.yaml', text: ['a: &a [1]', ...aliases].join('\n') });
    expect(bomb.findings.map((finding) => finding.code)).toContain('PR1011');
  });

  it('gets an answer from every panel, never a thrown error', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const file = { file: 'pack.yaml', text };
        const checked = check(file);
        expect(Array.isArray(checked.findings)).toBe(true);
        explain(file, checked, text.slice(0, 8));
        render(file, 'html', 'all', 'zh-TW');
        diff(MAGONG, file, 'md', 'en', true);
        runScenarioFile({ file: 's.yaml', text }, [file]);
      }),
      { numRuns: 60 },
    );
  });
});
