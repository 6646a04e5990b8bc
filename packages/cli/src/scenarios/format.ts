// The outputs of `portfolio-rules test`: for people (stylish), for programs (JSON) and for CI (JUnit).
import { type FindingBase, type Language } from '@portfolio-rules/core';
import { jsonText, jsonTool } from '../formatters/json';
import { escapeMarkup as x } from '../formatters/markup';
import { oneLine, showControls } from '../formatters/safe-text';
import { formatFinding } from '../formatters/stylish';
import type { ScenarioResult, TestRun } from './run';

export interface Tally {
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
}

export function tallyOf(run: TestRun): Tally {
  const passed = run.results.filter((result) => result.passed).length;
  return { scenarios: run.results.length, passed, failed: run.results.length - passed };
}

const TEXT = {
  'zh-TW': {
    tally: ({ scenarios, passed, failed }: Tally) => `情境 ${scenarios} = 通過 ${passed} + 未通過 ${failed}`,
    clause: '依據：',
    notRun: '未執行：',
    why: '說明：',
  },
  en: {
    tally: ({ scenarios, passed, failed }: Tally) => `scenarios ${scenarios} = passed ${passed} + failed ${failed}`,
    clause: 'clause: ',
    notRun: 'not run: ',
    why: 'why: ',
  },
} as const;

/** `馬公補充規定 五(三)1`: the clause as the pack's document cites it. */
const citation = (result: ScenarioResult) =>
  [result.outcome?.document, result.scenario?.clause].filter(Boolean).join(' ');

const nameOf = (result: ScenarioResult) =>
  oneLine([result.scenario?.clause, result.scenario?.title].filter(Boolean).join(' '));

/** The lines that tell why a scenario failed: each difference, then how the decision came out. */
function failureLines(result: ScenarioResult, language: Language, sources: ReadonlyMap<string, string>): string[] {
  const text = TEXT[language];
  const lines: string[] = [];
  if (result.scenario) lines.push(`    ${text.clause}${oneLine(citation(result))}`);
  for (const problem of result.problems)
    lines.push(...formatFinding(problem, result.file, language, sources).map((line) => `    ${line}`));
  for (const failure of result.outcome?.failures ?? []) lines.push(`    ✗ ${oneLine(failure.message[language])}`);
  if (result.outcome) {
    lines.push(`    ${text.why}`);
    for (const line of result.outcome.explanation)
      lines.push(...line[language].split('\n').map((part) => `      ${part}`));
  }
  return lines;
}

/** For people: each school, each scenario ✔ or ✖ with its clause and title; a failure with what differs. */
export function formatTestStylish(run: TestRun, language: Language): string {
  const blocks: string[] = [];
  let school: string | undefined;
  for (const result of run.results) {
    if (result.school !== school) {
      school = result.school;
      blocks.push(`${blocks.length > 0 ? '\n' : ''}${oneLine(school)}`);
    }
    const name = result.file.slice(result.school === '.' ? 0 : result.school.length + 1);
    blocks.push(`  ${result.passed ? '✔' : '✖'} ${oneLine(name)}  ${nameOf(result)}`);
    if (!result.passed) blocks.push(...failureLines(result, language, run.sources));
  }
  const problems = run.problems.flatMap((problem: FindingBase) => [
    '',
    ...formatFinding(problem, problem.subject, language, run.sources),
  ]);
  const tally = tallyOf(run);
  const mark = tally.failed > 0 || run.problems.length > 0 ? '✖' : '✔';
  return showControls([...blocks, ...problems, '', `${mark} ${TEXT[language].tally(tally)}`].join('\n') + '\n');
}

/** For programs: every scenario with its status, differences and explanation, and the tally (docs/reference/json-output.md). */
export function formatTestJson(run: TestRun, exitCode: number): string {
  return jsonText(testJson(run, exitCode));
}

/** What `test --format json` prints. */
export type TestJson = ReturnType<typeof testJson>;

function testJson(run: TestRun, exitCode: number) {
  return {
    version: 1 as const,
    tool: jsonTool(),
    command: 'test' as const,
    scenarios: run.results.map((result) => ({
      file: result.file,
      school: result.school,
      ...(result.scenario && { clause: result.scenario.clause, title: result.scenario.title }),
      ...(result.outcome && { document: result.outcome.document }),
      status: result.passed ? 'passed' : 'failed',
      failures: result.outcome?.failures ?? [],
      problems: result.problems,
      ...(result.outcome && { findings: result.outcome.findings, explanation: result.outcome.explanation }),
    })),
    problems: run.problems,
    summary: { ...tallyOf(run), exitCode },
  };
}

const attributes = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${x(String(value))}"`)
    .join('');

/** For CI: one test suite per school, one test case per scenario; a failure says what differs and why. */
export function formatTestJunit(run: TestRun, language: Language): string {
  const schools = [...new Set(run.results.map((result) => result.school))];
  const suites = schools.map((school) => {
    const results = run.results.filter((result) => result.school === school);
    const failed = results.filter((result) => !result.passed).length;
    const cases = results.map((result) => {
      const head = `    <testcase${attributes({ classname: school, name: `${result.file} ${nameOf(result)}`.trim(), file: result.file })}`;
      if (result.passed) return `${head}/>`;
      const first = result.outcome?.failures[0]?.message[language] ?? result.problems[0]?.message[language] ?? '';
      const body = x(failureLines(result, language, run.sources).join('\n'));
      return `${head}>\n      <failure${attributes({ message: oneLine(first) })}>${body}</failure>\n    </testcase>`;
    });
    return [
      `  <testsuite${attributes({ name: school, tests: results.length, failures: failed, errors: 0 })}>`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const { scenarios, failed } = tallyOf(run);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'portfolio-rules test', tests: scenarios, failures: failed, errors: run.problems.length })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
