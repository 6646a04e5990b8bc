import { join } from 'node:path';
import { type FindingBase, hasErrors, validatePack } from '@portfolio-rules/core';
import { createFinding, unreachable } from '@portfolio-rules/core/internal';
import { inputAt, readText, unreadExit, writeText } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { CLI_CODES } from '../codes';
import { type Command, EXIT, type Output } from '../command';
import { formatProblem } from '../help';
import { calendarYaml, defaultYear, generateSample, planFrom, type SampleOptions } from '../sample';

/** Seed 004: Taipei's four cohorts, about 100,000 students in some 60 senior high schools. */
const TAIPEI = { students: 100_000, schools: 60 } as const;

/** Writes to an output, waiting for it to drain when it asks to (process.stdout under a slow reader). */
function sinkOf(output: Output): { write(text: string): void | Promise<void> } {
  const stream = output as Output & { once?: (event: 'drain', listener: () => void) => unknown };
  return {
    write(text) {
      if (output.write(text) === false && typeof stream.once === 'function')
        return new Promise<void>((resolve) => stream.once?.('drain', resolve));
    },
  };
}

type Parsed = { readonly options: SampleOptions & { readonly year?: number } } | { readonly finding: FindingBase };

function numberOption(
  raw: string | boolean | undefined,
  name: string,
  check: (value: number) => boolean,
  allowed: string,
): number | FindingBase | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(value) && check(value)) return value;
  return createFinding(
    CLI_CODES.invalidOptionValue,
    { option: `--${name}`, value: raw, allowed: [allowed] },
    { rule: 'cli.usage', subject: `--${name}` },
  );
}

function parseOptions(options: Readonly<Record<string, string | boolean | undefined>>): Parsed {
  const integer = (min: number, max: number) => (value: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  const taipei = options.scale === 'taipei';
  const read = {
    students: numberOption(options.students, 'students', integer(1, 10_000_000), '1–10000000'),
    seed: numberOption(options.seed, 'seed', integer(0, 0xffffffff), '0–4294967295'),
    schools: numberOption(options.schools, 'schools', integer(1, 999), '1–999'),
    violations: numberOption(options.violations, 'violations', (value) => value >= 0 && value <= 1, '0–1'),
    year: numberOption(options.year, 'year', integer(100, 200), '100–200'),
  };
  for (const value of Object.values(read)) if (typeof value === 'object') return { finding: value };
  const number = (value: number | FindingBase | undefined) => value as number | undefined;
  const students = number(read.students) ?? (taipei ? TAIPEI.students : 2000);
  const schools = number(read.schools) ?? (taipei ? TAIPEI.schools : 1);
  if (schools > students)
    return {
      finding: createFinding(
        CLI_CODES.invalidOptionValue,
        { option: '--schools', value: String(schools), allowed: [`≤ --students (${students})`] },
        { rule: 'cli.usage', subject: '--schools' },
      ),
    };
  const year = number(read.year);
  return {
    options: {
      students,
      schools,
      seed: number(read.seed) ?? 1,
      violations: number(read.violations) ?? 0.05,
      ...(year !== undefined && { year }),
    },
  };
}

export const sample: Command = {
  name: 'sample',
  summary: {
    'zh-TW': '依規定檔產生模擬的學校資料 (NDJSON)，含已知比例的違規，供展示、測試及效能評估',
    en: 'generate realistic school data (NDJSON) for a pack, with a known share of violations, for demos, tests and benchmarks',
  },
  arguments: [],
  options: {
    pack: {
      type: 'string',
      placeholder: '<pack.yaml>',
      description: {
        'zh-TW': '規定檔 (必填)：依其件數上限、分工及期程產生資料',
        en: 'the pack (required): its caps, duties and rules shape the data',
      },
    },
    students: {
      type: 'string',
      placeholder: '<n>',
      description: { 'zh-TW': '學生人數 (預設 2000)', en: 'number of students (default 2000)' },
    },
    seed: {
      type: 'string',
      placeholder: '<n>',
      description: {
        'zh-TW': '亂數種子；相同種子產生相同資料 (預設 1)',
        en: 'random seed: the same seed gives the same bytes (default 1)',
      },
    },
    schools: {
      type: 'string',
      placeholder: '<n>',
      description: { 'zh-TW': '學校數 (預設 1)', en: 'number of schools (default 1)' },
    },
    violations: {
      type: 'string',
      placeholder: '<0–1>',
      description: { 'zh-TW': '違規比例 (預設 0.05)', en: 'share of violations (default 0.05)' },
    },
    year: {
      type: 'string',
      placeholder: '<ROC year>',
      description: {
        'zh-TW':
          '資料之最後學年度 (預設 112，規定不適用 112 學年度時取其適用期間內最接近者)；稽核基準日建議為該學年度後之 11 月 30 日',
        en: "the last academic year of the data (default 112, or the nearest year in the pack's period); audit it as of 30 November after it",
      },
    },
    calendar: {
      type: 'string',
      placeholder: '<dir>',
      description: {
        'zh-TW': '將資料所用之行事曆 (每學年一檔 <學年度>.yaml) 寫入此資料夾，供 audit --calendar 檢查認證期限',
        en: 'write the calendars the data was generated on (one <year>.yaml per academic year) to this folder, for audit --calendar',
      },
    },
    scale: {
      type: 'string',
      values: ['school', 'taipei'],
      placeholder: '<school|taipei>',
      description: {
        'zh-TW': 'taipei：臺北市規模 (約 10 萬名學生、60 校)',
        en: 'taipei: Taipei scale (about 100,000 students in 60 schools)',
      },
    },
  },
  async run({ io, language, options }) {
    const problem = (finding: FindingBase) => {
      io.stderr.write(formatProblem(finding, language, 'sample'));
      return EXIT.usage;
    };
    if (typeof options.pack !== 'string')
      return problem(
        createFinding(
          CLI_CODES.missingArgument,
          { argument: '--pack <pack.yaml>', command: 'sample' },
          { rule: 'cli.usage', subject: '--pack' },
        ),
      );
    const parsed = parseOptions(options);
    if ('finding' in parsed) return problem(parsed.finding);
    const read = await readText(io.cwd, options.pack);
    // As in every command: a pack that cannot be read is exit 2, one that is not UTF-8 (PR1016) exit 1.
    if ('finding' in read) {
      problem(read.finding);
      return unreadExit(read.finding);
    }
    const registry = await overlayRegistry(io);
    const validation = validatePack(read.text, { file: options.pack, overlays: registry.overlays });
    const { resolution } = validation;
    if (hasErrors(validation.findings) || !resolution || resolution.versions.length === 0) {
      for (const finding of validation.findings.filter((item) => item.severity === 'error'))
        io.stderr.write(formatProblem(finding, language, 'sample'));
      // A pack with errors is exit 1 in every command (validate, explain, render, timeline, diff, audit).
      return EXIT.errors;
    }
    const plan = planFrom(resolution, parsed.options.year ?? defaultYear(resolution));
    if (typeof options.calendar === 'string') {
      const files = plan.calendars.map((calendar) => join(options.calendar as string, `${calendar.academicYear}.yaml`));
      // Checked before any is written: a calendar must not replace the pack this run reads.
      for (const file of files)
        if (await inputAt(io.cwd, file, [options.pack]))
          return problem(
            createFinding(CLI_CODES.outputIsInput, { file, input: options.pack }, { rule: 'cli.write', subject: file }),
          );
      for (const [index, calendar] of plan.calendars.entries()) {
        const unwritable = await writeText(
          io.cwd,
          files[index] ?? unreachable(`calendar file ${index}`),
          calendarYaml(calendar),
        );
        if (unwritable) return problem(unwritable);
      }
    }
    const report = await generateSample(parsed.options, plan, sinkOf(io.stdout));
    io.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  },
};
