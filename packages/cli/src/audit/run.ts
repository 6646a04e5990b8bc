import { cpus } from 'node:os';
import {
  type Audit,
  type AuditResult,
  createAudit,
  createIntake,
  type FindingBase,
  type GovernanceEvidence,
  type Intake,
  mergeAudits,
  type Resolution,
  type SchoolCalendar,
  sortFindings,
} from '@portfolio-rules/core';
import { checkPack } from '../_lib/check-pack';
import { isNotText, readText } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import type { CliIo } from '../command';
import { readDataset } from '../dataset';
import { dataBytes, loadCalendars, loadEvidence, noRecordsChecked } from './inputs';
import { createProgress } from './progress';
import type { AuditRequest } from './request';
import { auditSharded, type ShardWorkers, shardable, startShards } from './shard';
import { unreachable } from '@portfolio-rules/core/internal';

export interface AuditRun {
  /** The audit (several schools merged, each under `schools`); absent when the pack could not be read. */
  readonly result?: AuditResult<FindingBase>;
  /** Problems with the inputs themselves: unreadable files, encodings, CSV headers, calendars. */
  readonly inputFindings: readonly FindingBase[];
  /** The pack's text and the files read, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** An input could not be read or is invalid: exit 2. */
  readonly unreadable: boolean;
  /** The findings about the pack among the result's (what `validate` reports), for the reports that place them apart. */
  readonly packFindings?: readonly FindingBase[];
}

/** The intake, telling `onLine` of every line it takes, checked or rejected. */
function countingLines(intake: Intake, onLine: () => void): Intake {
  return {
    ...intake,
    accept(...args) {
      onLine();
      return intake.accept(...args);
    },
    count(...args) {
      onLine();
      return intake.count(...args);
    },
  };
}

/**
 * The data through the dataset readers, one streaming audit per school named in the records. The
 * progress bar counts the lines read, checked or rejected, as the worker threads do (shard-audit.ts).
 */
async function auditInThread(
  request: AuditRequest,
  resolution: Resolution,
  io: CliIo,
  options: { calendars: SchoolCalendar[]; evidence?: GovernanceEvidence },
) {
  const data = request.data ?? unreachable('the data path');
  const audits = new Map<string, Audit>();
  const progress = createProgress(io.stderr, await dataBytes(io.cwd, data), request.language ?? 'zh-TW');
  let bytes = 0;
  let lines = 0;
  const read = await readDataset(data, {
    cwd: io.cwd,
    // Held by no variable here: once read, the intake (its duplicate index, 48 MiB at Taipei's scale)
    // can be let go of before the audits finish.
    intake: countingLines(createIntake(), () => {
      // The clock is read once every 1,024 lines, not for each.
      if ((++lines & 1023) === 0) progress.update(bytes, lines);
    }),
    ...(request.encoding && { encoding: request.encoding }),
    onBytes(count) {
      bytes += count;
    },
    onRecord(record, place) {
      const school = record.school ?? '';
      let audit = audits.get(school);
      if (!audit) {
        audit = createAudit(resolution, {
          asOf: request.asOf,
          calendar: options.calendars,
          file: request.pack,
          ...(options.evidence && { evidence: options.evidence }),
          ...(school !== '' && { school }),
        });
        audits.set(school, audit);
      }
      audit.add(record, place);
    },
  });
  progress.update(bytes, lines);
  progress.done();
  return { results: [...audits.values()].map((audit) => audit.finish()), read };
}

/**
 * Runs `audit`: the pack's own findings (what `validate` reports: core's `auditPack`), and with `--data` every record
 * against the effective pack of its term, one audit per school, merged in school order. Data worth
 * sharding starts its worker threads first, so that they load the engine while the pack loads here.
 */
export async function runAudit(request: AuditRequest, io: CliIo): Promise<AuditRun> {
  const threads = request.threads ?? 'auto';
  const threaded =
    request.data !== undefined &&
    threads !== 1 &&
    (request.encoding ?? 'utf-8') === 'utf-8' &&
    (threads === 2 || cpus().length >= 2) &&
    (await shardable(io.cwd, request.data, threads));
  const shards = threaded ? startShards() : undefined;
  try {
    return await auditWith(request, io, shards);
  } finally {
    await shards?.stop();
  }
}

async function auditWith(request: AuditRequest, io: CliIo, shards: ShardWorkers | undefined): Promise<AuditRun> {
  const sources = new Map<string, string>();
  const text = await readText(io.cwd, request.pack);
  if ('finding' in text && !isNotText(text.finding))
    return { inputFindings: [text.finding], sources, unreadable: true };
  const registry = await overlayRegistry(io);
  for (const [file, source] of registry.sources) sources.set(file, source);
  // A pack that is not UTF-8 text is a pack with an error, of which nothing else is checked.
  let onPack: FindingBase[];
  let resolution: Resolution | undefined;
  if ('text' in text) {
    sources.set(request.pack, text.text);
    const checked = checkPack(request.pack, text.text, registry);
    onPack = [...checked.findings];
    resolution = checked.validation.resolution;
  } else onPack = [text.finding];
  const base = { asOf: request.asOf, file: request.pack };
  if (request.data === undefined || !resolution || resolution.versions.length === 0) {
    // The evidence log alone is still judged: the meetings and trainings it holds, or misses.
    const evidence =
      request.evidence !== undefined && resolution && resolution.versions.length > 0
        ? await loadEvidence(io.cwd, request.evidence, request.encoding)
        : undefined;
    if (evidence?.unreadable) return { inputFindings: evidence.findings, sources, unreadable: true };
    const empty = createAudit(resolution ?? { versions: [], findings: [] }, {
      ...base,
      ...(evidence?.value && { evidence: evidence.value }),
    }).finish();
    const { statistics: _statistics, ...rest } = empty;
    return {
      result: { ...rest, findings: sortFindings(evidence ? [...onPack, ...empty.findings] : onPack) },
      inputFindings: [...(evidence?.findings ?? [])],
      sources,
      unreadable: false,
      packFindings: onPack,
    };
  }
  const [calendars, evidence] = await Promise.all([
    loadCalendars(io.cwd, request.calendar),
    loadEvidence(io.cwd, request.evidence, request.encoding),
  ]);
  const inputFindings: FindingBase[] = [...calendars.findings, ...evidence.findings];
  if (calendars.unreadable || evidence.unreadable) return { inputFindings, sources, unreadable: true };
  const options = { calendars: calendars.value ?? [], ...(evidence.value && { evidence: evidence.value }) };
  const { results, read } =
    (shards && (await auditSharded(shards, request, io, options, resolution))) ||
    (await auditInThread(request, resolution, io, options));
  inputFindings.push(...read.findings);
  // Data that could not be read already ends the run with its own finding and exit code 2.
  const nothingChecked = read.summary.checked === 0 && !read.unreadable;
  if (nothingChecked) inputFindings.push(noRecordsChecked(request.data, read.summary));
  const data =
    results.length === 0
      ? createAudit(resolution, base).finish()
      : ((results.length === 1 ? results[0] : undefined) ?? mergeAudits(results));
  const result = { ...data, findings: sortFindings([...onPack, ...data.findings]), intake: read.summary };
  return { result, inputFindings, sources, unreadable: read.unreadable || nothingChecked, packFindings: onPack };
}
