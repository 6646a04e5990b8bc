import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import {
  type FindingBase,
  type GovernanceEvidence,
  type IntakeSummary,
  isPlainDate,
  parseCalendar,
  type Rejection,
  type SchoolCalendar,
} from '@portfolio-rules/core';
import { createFinding, recordTypeForCsvFile } from '@portfolio-rules/core/internal';
import { readText } from '../_lib/files';
import { CLI_CODES } from '../codes';
import { type Encoding, readDataset, type RecordPlace } from '../dataset';

export interface Loaded<T> {
  readonly value?: T;
  readonly findings: readonly FindingBase[];
  /** Something could not be read or is invalid: exit 2. */
  readonly unreadable: boolean;
}

/** The files a `--calendar` names: the file, or a folder's `*.yaml` / `*.yml` files, sorted. */
async function calendarFiles(cwd: string, path: string): Promise<string[]> {
  try {
    if (!(await stat(resolve(cwd, path))).isDirectory()) return [path];
  } catch {
    return [path];
  }
  const names = (await readdir(resolve(cwd, path)))
    .filter((name) => ['.yaml', '.yml'].includes(extname(name).toLowerCase()) && !name.startsWith('.'))
    .sort();
  return names.map((name) => join(path, name));
}

/** The bytes the data holds: the file's size, or the sum of a folder's NDJSON and known CSV files (those the reader reads); 0 when unreadable. */
export async function dataBytes(cwd: string, path: string): Promise<number> {
  try {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute);
    if (!info.isDirectory()) return info.size;
    const names = (await readdir(absolute)).filter(
      (name) =>
        !name.startsWith('.') &&
        (['.ndjson', '.jsonl', '.json'].includes(extname(name).toLowerCase()) || recordTypeForCsvFile(name)),
    );
    const sizes = await Promise.all(
      names.map(async (name) => {
        const file = await stat(join(absolute, name));
        return file.isFile() ? file.size : 0;
      }),
    );
    return sizes.reduce((sum, size) => sum + size, 0);
  } catch {
    return 0;
  }
}

/** PR9012: data was given, and not one of its records was checked: an audit of nothing must not pass. */
export function noRecordsChecked(data: string, summary: IntakeSummary): FindingBase {
  return createFinding(
    CLI_CODES.noRecordsChecked,
    { data, read: summary.read, rejected: summary.rejected },
    { rule: 'cli.read', subject: data },
  );
}

/** School calendars, one academic year each, from a file or a folder of them (core's parseCalendar). */
export async function loadCalendars(cwd: string, path: string | undefined): Promise<Loaded<SchoolCalendar[]>> {
  if (path === undefined) return { value: [], findings: [], unreadable: false };
  const findings: FindingBase[] = [];
  const calendars: SchoolCalendar[] = [];
  for (const file of await calendarFiles(cwd, path)) {
    const read = await readText(cwd, file);
    if ('finding' in read) return { findings: [read.finding], unreadable: true };
    const parsed = parseCalendar(read.text, { file });
    findings.push(...parsed.findings);
    if (parsed.calendar) calendars.push(parsed.calendar);
  }
  const unreadable = findings.some((finding) => finding.severity === 'error');
  return unreadable ? { findings, unreadable } : { value: calendars, findings, unreadable };
}

/**
 * The governance evidence log: a dataset file (NDJSON or a folder) of `meeting` and `training`
 * records, the same record types the data may carry. Records of other types are reported (PR9014, a
 * warning, once per type with their count) and not taken as evidence; a rejected line is reported
 * with its own code and the audit goes on with the evidence that was read. Only a log that cannot be
 * read, or of which not one meeting or training record was read (PR9012), ends the run (exit 2).
 */
export async function loadEvidence(
  cwd: string,
  path: string | undefined,
  encoding?: Encoding,
): Promise<Loaded<GovernanceEvidence>> {
  if (path === undefined) return { findings: [], unreadable: false };
  const meetings: string[] = [];
  const trainings: GovernanceEvidence['trainings'][number][] = [];
  /** Records that are not evidence, by type: the first one's place and how many. */
  const others = new Map<string, { place: RecordPlace; count: number }>();
  const read = await readDataset(path, {
    cwd,
    ...(encoding && { encoding }),
    onRecord(record, place) {
      if (record.type === 'meeting') {
        if (record.body === 'workingGroup' && isPlainDate(record.date)) meetings.push(record.date);
      } else if (record.type === 'training')
        trainings.push({ date: record.date, audience: record.audience, ...(record.kind && { kind: record.kind }) });
      else {
        const known = others.get(record.type);
        if (known) known.count++;
        else others.set(record.type, { place, count: 1 });
      }
    },
  });
  const notEvidence = [...others].map(([type, { place, count }]) =>
    createFinding(
      CLI_CODES.notEvidence,
      { file: place.file, line: place.line, type, count },
      { rule: 'cli.evidence', subject: `${place.file}:${place.line}`, position: place },
    ),
  );
  // A rejected line keeps its own code and severity: an exact repeat or a blank line is a warning, the rest errors.
  const findings: FindingBase[] = [
    ...read.findings,
    ...read.summary.rejections.map((rejection) => rejectedLine(rejection, path)),
    ...notEvidence,
  ];
  const taken = meetings.length + trainings.length;
  if (taken === 0 && !read.unreadable) findings.push(noRecordsChecked(path, read.summary));
  const unreadable = read.unreadable || read.summary.unlisted > 0 || taken === 0;
  return unreadable ? { findings, unreadable } : { value: { meetings, trainings }, findings, unreadable };
}

/** A line of the evidence log that was rejected, as a finding at its place. */
function rejectedLine(rejection: Rejection, path: string): FindingBase {
  const file = rejection.file ?? path;
  return {
    code: rejection.code,
    severity: rejection.severity,
    rule: 'cli.evidence',
    subject: `${file}:${rejection.line}`,
    message: rejection.message,
    data: { file, line: rejection.line },
    position: { file, line: rejection.line, column: 1, record: rejection.line },
  };
}
