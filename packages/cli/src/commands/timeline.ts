import {
  effectiveFor,
  formatTerm,
  hasErrors,
  parseCalendar,
  termStart,
  type FindingBase,
  type Grade,
  type Language,
  type PlainDate,
  type Term,
} from '@portfolio-rules/core';
import { createFinding, termOfEntry } from '@portfolio-rules/core/internal';
import { checkPack } from '../_lib/check-pack';
import { readText, unreadExit } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { CLI_CODES } from '../codes';
import { type Command, EXIT, formatOption, type Invocation } from '../command';
import { formatJson } from '../formatters/json';
import type { Report } from '../formatters/report';
import { formatStylish } from '../formatters/stylish';
import { formatProblem } from '../help';
import { buildTimeline, type TermPack } from '../timeline/build';
import { type TimelineDocument, formatTimelineJson, formatTimelineText } from '../timeline/format';
import { formatTimelineIcs } from '../timeline/ics';

const usageProblem = (io: Invocation['io'], language: Language, finding: FindingBase) => {
  io.stderr.write(formatProblem(finding, language, 'timeline'));
  return unreadExit(finding);
};

const identity = (finding: FindingBase) => `${finding.code}|${finding.subject}|${JSON.stringify(finding.data)}`;

/** The options as given: the year and grade, when they are well-formed, or the usage finding. */
function readOptions(
  options: Invocation['options'],
): { year?: number; grade?: Grade; calendar: string } | { finding: FindingBase } {
  const usage = (subject: string) => ({ rule: 'cli.usage', subject });
  if (typeof options.calendar !== 'string')
    return {
      finding: createFinding(
        CLI_CODES.missingArgument,
        { argument: '--calendar <file>', command: 'timeline' },
        usage('--calendar'),
      ),
    };
  const { year, grade } = options;
  if (typeof year === 'string' && !/^[1-9]\d{0,2}$/.test(year)) {
    return {
      finding: createFinding(
        CLI_CODES.invalidOptionValue,
        { option: '--year', value: year, allowed: ['112'] },
        usage('--year'),
      ),
    };
  }
  if (typeof grade === 'string' && !['1', '2', '3'].includes(grade)) {
    return {
      finding: createFinding(
        CLI_CODES.invalidOptionValue,
        { option: '--grade', value: grade, allowed: ['1', '2', '3'] },
        usage('--grade'),
      ),
    };
  }
  return {
    calendar: options.calendar,
    ...(typeof year === 'string' && { year: Number(year) }),
    ...(typeof grade === 'string' && { grade: Number(grade) as Grade }),
  };
}

/** DTSTAMP of every event: the later of the pack's last adoption and the first day of the academic year. Never the clock. */
function stampOf(adopted: readonly { readonly date: string }[] | undefined, year: number): PlainDate {
  return (
    [termStart({ year, semester: 1 }), ...(adopted ?? []).map((adoption) => adoption.date)].sort().at(-1) ??
    termStart({ year, semester: 1 })
  );
}

export const timeline: Command = {
  name: 'timeline',
  summary: {
    'zh-TW': '列出學年度每個作業期程的日期 (依學校行事曆推算)，可匯出行事曆 (ICS)',
    en: 'every window of a pack resolved to dates on a school calendar; text, JSON or a calendar file (ICS)',
  },
  arguments: [{ name: '<pack.yaml>', required: true }],
  options: {
    calendar: {
      type: 'string',
      placeholder: '<file>',
      description: { 'zh-TW': '學校行事曆 (YAML)，必填', en: 'the school calendar (YAML), required' },
    },
    year: {
      type: 'string',
      placeholder: '<year>',
      description: {
        'zh-TW': '學年度，例如 112 (預設：行事曆的學年度)',
        en: "academic year, e.g. 112 (default: the calendar's)",
      },
    },
    grade: {
      type: 'string',
      placeholder: '<1|2|3>',
      description: { 'zh-TW': '只列出該年級適用的期程', en: 'only the windows that govern this grade' },
    },
    format: formatOption(['text', 'json', 'ics'], {
      'zh-TW': '輸出格式：文字表格、JSON 或行事曆檔 (ICS)',
      en: 'output format: a text table, JSON or an iCalendar file',
    }),
  },
  async run({ io, language, options, positionals }) {
    const [file = ''] = positionals;
    const read = readOptions(options);
    if ('finding' in read) return usageProblem(io, language, read.finding);
    const packText = await readText(io.cwd, file);
    if ('finding' in packText) return usageProblem(io, language, packText.finding);
    const calendarText = await readText(io.cwd, read.calendar);
    if ('finding' in calendarText) return usageProblem(io, language, calendarText.finding);

    const parsed = parseCalendar(calendarText.text, { file: read.calendar });
    const year = read.year ?? parsed.calendar?.academicYear ?? 0;
    const registry = await overlayRegistry(io);
    const checked = checkPack(file, packText.text, registry, { omissions: false });
    const adopted = checked.validation.loaded.pack?.adopted;
    const resolution = checked.validation.resolution ?? { versions: [], findings: [] };
    // Each data term of the year is judged by the rules in force then; a term outside the pack's period
    // is said so in the output, not a failure of the timeline.
    const terms: TermPack[] = ([1, 2] as const).map((semester) => {
      const term: Term = { year, semester };
      const effective = effectiveFor(resolution, term);
      return { term, ...(effective && { effective }) };
    });
    const effective = terms.find((term) => term.effective)?.effective ?? resolution.versions.at(-1);
    const result =
      parsed.calendar && effective
        ? buildTimeline(terms, parsed.calendar, { ...(read.grade && { grade: read.grade }) })
        : undefined;
    const report: Report = {
      files: [
        {
          file,
          findings: [
            ...new Map(checked.findings.map((finding) => [identity(finding), finding])).values(),
            ...(result?.findings ?? []),
          ],
        },
        // The calendar is listed only when something is wrong with it: the tally counts packs.
        ...(parsed.findings.length > 0 ? [{ file: read.calendar, findings: parsed.findings }] : []),
      ],
      sources: new Map([...registry.sources, [file, packText.text], [read.calendar, calendarText.text]]),
    };
    const exitCode = hasErrors(report.files.flatMap((entry) => entry.findings)) ? EXIT.errors : EXIT.ok;
    if (!result || !effective) {
      if (options.format === 'json') io.stdout.write(formatJson(report, 'timeline', EXIT.errors));
      else (options.format === 'text' ? io.stdout : io.stderr).write(formatStylish(report, language));
      return EXIT.errors;
    }
    const { calendar } = parsed;
    const listed = calendar ? calendar.terms.map((entry) => formatTerm(termOfEntry(calendar, entry))) : [];
    const document: TimelineDocument = {
      packFile: file,
      calendarFile: read.calendar,
      effective,
      terms: terms.map(({ term, effective: rules }) => ({ term: formatTerm(term), covered: rules !== undefined })),
      calendarTerms: listed,
      ...(parsed.calendar?.document && { calendarTitle: parsed.calendar.document }),
      timeline: result,
      report,
    };
    if (options.format === 'json') {
      io.stdout.write(formatTimelineJson(document, exitCode));
    } else if (options.format === 'ics') {
      io.stdout.write(
        formatTimelineIcs(
          {
            packId: effective.id,
            packName: effective.name,
            academicYear: year,
            stamp: stampOf(adopted, year),
            entries: result.entries,
          },
          language,
        ),
      );
      // The calendar goes to stdout, often into a file: what is wrong goes to stderr.
      if (report.files.some((entry) => entry.findings.length > 0)) io.stderr.write(formatStylish(report, language));
    } else {
      io.stdout.write(formatTimelineText(document, language));
    }
    return exitCode;
  },
};
