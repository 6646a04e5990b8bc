import { readdirSync, readFileSync } from 'node:fs';
import {
  checkWindows,
  evaluateRules,
  FACT_PATHS,
  type Facts,
  type Finding,
  isOpen,
  parseCalendar,
  parseTerm,
  resolveWindows,
  type SchoolCalendar,
  validatePack,
} from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { type CodeBlock, codeBlocks } from './markdown-blocks';

/**
 * Runs the examples of the windows, calendar and custom-rule pages (PR6xxx codes, the windows and
 * custom-rules references). A `<!-- run: <function> <json>? (fails PRnnnn)? -->` comment above a YAML
 * block says what to run it through; the calendar is examples/calendars/112.yaml unless the JSON gives one.
 */
const CALENDAR = parseCalendar(
  readFileSync(new URL('../examples/calendars/112.yaml', import.meta.url), 'utf8'),
).calendar!;

function effectiveOf(text: string) {
  const { resolution, findings } = validatePack(text);
  expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  return resolution!.versions.at(-1)!;
}

function run(block: CodeBlock): { findings: Finding[]; fails?: string } {
  const comment = block.comments.find((line) => line.startsWith('run:'))!;
  let rest = comment.slice('run:'.length).trim();
  const expected = /(?:^|\s)fails\s+(PR\d{4})$/.exec(rest);
  if (expected) rest = rest.slice(0, expected.index).trim();
  const fails = expected?.[1];
  const [fn, json] = [rest.split(/\s/, 1)[0], rest.slice(rest.split(/\s/, 1)[0]!.length).trim()];
  const options = (json ? JSON.parse(json) : {}) as Record<string, unknown>;
  const calendar = (options.calendar && options.calendar !== true ? options.calendar : CALENDAR) as SchoolCalendar;
  const term = () => parseTerm(options.term)!;
  const findings = ((): Finding[] => {
    switch (fn) {
      case 'parseCalendar':
        return [...parseCalendar(block.text).findings];
      case 'checkWindows':
        return checkWindows(effectiveOf(block.text), options.calendar ? calendar : undefined);
      case 'resolveWindows':
        return [...resolveWindows(effectiveOf(block.text), calendar, term()).findings];
      case 'isOpen': {
        const decision = isOpen(effectiveOf(block.text), calendar, {
          activity: options.activity as never,
          term: term(),
          grade: options.grade as 1 | 2 | 3,
          at: options.at as string,
        });
        if (!decision.allowed) expect(decision.findings.some((finding) => finding.severity === 'error')).toBe(true);
        return [...decision.findings];
      }
      case 'evaluateRules':
        return evaluateRules(effectiveOf(block.text), (Array.isArray(options) ? options : []) as Facts[]);
      default:
        throw new Error(`unknown run: ${fn}`);
    }
  })();
  return { findings, ...(fails && { fails }) };
}

const runnable = (text: string) =>
  codeBlocks(text).filter((block) => block.comments.some((line) => line.startsWith('run:')));
const codePages = readdirSync(new URL('./codes/', import.meta.url)).filter((name) => /^PR6\d{3}\.md$/.test(name));

describe('PR6xxx code pages', () => {
  it.each(codePages)('%s: the failing example raises the code, the passing one does not', (name) => {
    const code = name.slice(0, -3);
    const text = readFileSync(new URL(`./codes/${name}`, import.meta.url), 'utf8');
    for (const section of [
      '## What it means',
      '## The rule',
      '## Failing example',
      '## Passing example',
      '## How to fix',
    ])
      expect(text).toContain(section);
    const blocks = runnable(text);
    const failing = blocks.filter((block) => block.heading.toLowerCase().includes('failing'));
    const passing = blocks.filter((block) => block.heading.toLowerCase().includes('passing'));
    const abridged = codeBlocks(text).some(
      (block) => block.heading.toLowerCase().includes('failing') && block.comments.includes('example: abridged'),
    );
    expect(failing.length > 0 || abridged, 'a run: example under "Failing example"').toBe(true);
    expect(passing.length).toBeGreaterThan(0);
    for (const block of failing) expect(run(block).findings.map((finding) => finding.code)).toContain(code);
    // A page quoting what the failing example says (`> …` lines under its heading) quotes it exactly.
    const failingSection = text.slice(text.indexOf('## Failing example'), text.indexOf('## Passing example'));
    const quoted = failingSection
      .split('\n')
      .filter((line) => line.startsWith('> '))
      .map((line) => line.slice(2));
    const said = failing.flatMap((block) =>
      run(block)
        .findings.filter((finding) => finding.code === code)
        .flatMap((finding) => [finding.message['zh-TW'], finding.message.en]),
    );
    for (const line of quoted) expect(said).toContain(line);
    for (const block of passing) {
      const { findings } = run(block);
      expect(
        findings
          .filter((finding) => finding.code === code || finding.severity === 'error')
          .map((finding) => finding.code),
      ).toEqual([]);
    }
  });
});

describe.each(['windows.md', 'custom-rules.md'])('docs/reference/%s', (name) => {
  const text = readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8');
  const blocks = runnable(text);

  it('has examples to run', () => expect(blocks.length).toBeGreaterThanOrEqual(name === 'windows.md' ? 4 : 1));

  it.each(blocks.map((block) => [block.line, block] as const))(
    'the example at line %i does what its marker says',
    (_, block) => {
      const { findings, fails } = run(block);
      if (fails) expect(findings.map((finding) => finding.code)).toContain(fails);
      else expect(findings.map((finding) => `${finding.code} ${finding.message.en}`)).toEqual([]);
    },
  );
});

describe('what the pages claim', () => {
  it('windows.md: the worked example resolves to the dates the page gives', () => {
    const text = readFileSync(new URL('./reference/windows.md', import.meta.url), 'utf8');
    const effective = effectiveOf(runnable(text)[0]!.text);
    const dates = (year: number, semester: 1 | 2) =>
      resolveWindows(effective, CALENDAR, { year, semester }).windows.map(
        (w) => `${w.activity} ${w.grades.join('')} ${w.opens ?? ''}…${w.closes}`,
      );
    // The term is the data term: 11201's data is submitted in March 2024, 111-2's in October 2023.
    expect(dates(112, 1)).toEqual([
      'courseOutcomeUpload 123 …2024-02-02',
      'courseOutcomeCertification 123 …2024-02-16',
      // The first 10 September after 11201 ends (from: termEnd), not 2023-09-10.
      'courseOutcomeSelection 12 …2024-09-10',
      'receiptConfirmation 123 2024-03-15…2024-03-20',
    ]);
    const second = dates(112, 2);
    expect(second.filter((line) => line.startsWith('courseOutcomeUpload'))).toEqual([
      'courseOutcomeUpload 12 …2024-07-12',
      'courseOutcomeUpload 3 …2024-06-21',
    ]);
    expect(second.filter((line) => line.startsWith('courseOutcomeSelection'))).toEqual([
      'courseOutcomeSelection 12 …2024-09-10',
      'courseOutcomeSelection 3 …2024-04-15',
    ]);
    expect(second.filter((line) => line.startsWith('receiptConfirmation'))).toEqual([
      'receiptConfirmation 12 2024-10-01…2024-10-04',
      'receiptConfirmation 3 2024-04-22…2024-04-25',
    ]);
    expect(dates(111, 2).filter((line) => /^(submission|receiptConfirmation)/.test(line))).toEqual([
      'submission 123 2023-10-02…2023-10-24',
      'receiptConfirmation 123 2023-10-02…2023-10-05',
    ]);
  });

  it('custom-rules.md lists every fact', () => {
    const text = readFileSync(new URL('./reference/custom-rules.md', import.meta.url), 'utf8');
    const missing = FACT_PATHS.map((path) => path.replace(/^windows\.\w+\./, 'windows.<activity>.')).filter(
      (path) => !text.includes(`| \`${path}\` |`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });
});
