import type { FindingBase, Language } from '@portfolio-rules/core';
import type { Output } from '../command';
import { type CheckedGroup, type CheckedInput, checkedGroups, lineOf, specOf, tallyOf } from './checked';
import { escapeMarkup as x } from './markup';
import { collected } from './pieces';
import { formatFinding } from './stylish';

export interface JunitOptions {
  readonly lang: Language;
}

const TEXT = {
  'zh-TW': {
    clean: '沒有錯誤',
    intake: (read: number, checked: number, rejected: number) => `讀取 ${read} 行 = 檢查 ${checked} + 退回 ${rejected}`,
  },
  en: {
    clean: 'no errors',
    intake: (read: number, checked: number, rejected: number) =>
      `read ${read} = checked ${checked} + rejected ${rejected}`,
  },
} as const;

const attributes = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${x(String(value))}"`)
    .join('');

/** One finding as a test case: a failure when it is an error; a warning or an info passes and says itself on system-out. */
function testcase(finding: FindingBase, group: CheckedGroup, language: Language): string {
  const name = [finding.code, specOf(finding.code)?.name, finding.subject].filter(Boolean).join(' ');
  const file = finding.position?.file ?? group.file;
  const head = `    <testcase${attributes({ classname: finding.rule, name, file, line: lineOf(finding) })}>`;
  const body = x(formatFinding(finding, group.file ?? group.name, language, new Map()).join('\n'));
  const inner =
    finding.severity === 'error'
      ? `<failure${attributes({ type: finding.code, message: finding.message[language] })}>${body}</failure>`
      : `<system-out>${body}</system-out>`;
  return `${head}\n      ${inner}\n    </testcase>`;
}

/**
 * A suite's tests and failures: one per finding (a case for the rejected lines not listed counts
 * each of them), or one passing case when none is an error: the tally of every other report.
 */
function counts(group: CheckedGroup): { tests: number; failures: number } {
  const { errors, warnings, infos } = tallyOf(group.findings);
  return { tests: errors + warnings + infos + (errors === 0 ? 1 : 0), failures: errors };
}

function testsuite(group: CheckedGroup, language: Language): string {
  const text = TEXT[language];
  const { tests, failures } = counts(group);
  const cases = group.findings.map((finding) => testcase(finding, group, language));
  // A suite with no error still shows one passing case, so that CI lists the file or school as checked.
  if (failures === 0)
    cases.unshift(`    <testcase${attributes({ classname: group.name, name: text.clean, file: group.file })}/>`);
  const audit = group.audit;
  const properties = audit
    ? [
        '    <properties>',
        `      <property${attributes({ name: 'asOf', value: audit.asOf })}/>`,
        ...(audit.intake
          ? [
              `      <property${attributes({ name: 'intake', value: text.intake(audit.intake.read, audit.intake.checked, audit.intake.rejected) })}/>`,
            ]
          : []),
        '    </properties>',
      ]
    : [];
  const head = `  <testsuite${attributes({ name: group.name, tests, failures, errors: 0, skipped: 0, file: group.file })}>`;
  return [head, ...properties, ...cases, '  </testsuite>'].join('\n');
}

/**
 * JUnit XML for CI: a test suite per file (validate) or per school (audit), a test case per
 * finding and per rejected input line, failing when it is an error, with its code, message and clause.
 */
export function formatJunit(input: CheckedInput, options: JunitOptions): string {
  return collected((output) => writeJunit(input, options, output));
}

/** What formatJunit returns, written a suite at a time. */
export function writeJunit(input: CheckedInput, options: JunitOptions, output: Output): void {
  const groups = checkedGroups(input);
  const totals = groups.map(counts);
  const tests = totals.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = totals.reduce((sum, suite) => sum + suite.failures, 0);
  output.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes({ name: 'portfolio-rules', tests, failures, errors: 0 })}>\n`,
  );
  for (const group of groups) output.write(`${testsuite(group, options.lang)}\n`);
  output.write('</testsuites>\n');
}
