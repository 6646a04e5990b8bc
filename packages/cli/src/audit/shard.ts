import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditResult, GovernanceEvidence, IntakeSummary, Rejection, Resolution, SchoolCalendar } from '@portfolio-rules/core';
import type { CliIo } from '../command';
import { chunksOf, decodeLines, type DatasetRead } from '../dataset';
import { createProgress } from './progress';
import type { AuditRequest } from './run';
import type { ShardInit, ShardMessage, ShardReply } from './shard-protocol';

export const SHARDS = 2;
const BATCH = 4_000;
const IN_FLIGHT = 4;
const PEEK = 64 * 1024;
const LIST_LIMIT = 10_000;
const SCHOOL = /"school"\s*:\s*"((?:[^"\\]|\\.)*)"/;

/** The worker script, next to the built CLI (dist/audit-worker.js); absent when running from source, where the audit stays on this thread. */
function workerFile(): URL | undefined {
  const url = new URL('./audit-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Schools named in the first and last 64 KiB of a file: enough to tell one school's export from several (the sample writes school by school). */
async function schoolsAtEnds(path: string): Promise<Set<string>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const schools = new Set<string>();
    for (const position of [0, Math.max(0, size - PEEK)]) {
      const buffer = Buffer.alloc(Math.min(PEEK, size));
      await handle.read(buffer, 0, buffer.length, position);
      for (const match of buffer.toString('utf8').matchAll(new RegExp(SCHOOL.source, 'g'))) schools.add(match[1]!);
    }
    return schools;
  } finally {
    await handle.close();
  }
}

/** Whether the data can be sharded across worker threads: one NDJSON file naming at least two schools, and a built worker. */
export async function shardable(cwd: string, data: string): Promise<boolean> {
  if (!workerFile() || !['.ndjson', '.jsonl', '.json'].includes(extname(data).toLowerCase())) return false;
  try {
    const path = resolve(cwd, data);
    if (!(await stat(path)).isFile()) return false;
    return (await schoolsAtEnds(path)).size >= 2;
  } catch {
    return false;
  }
}

/** Several shards' accounting as one: the same totals and the same first rejections, in line order, as one intake would list. */
export function mergeIntakes(summaries: readonly IntakeSummary[]): IntakeSummary {
  const rejections: Rejection[] = summaries.flatMap((summary) => summary.rejections).sort((a, b) => a.line - b.line);
  const byCode = new Map<string, number>();
  for (const summary of summaries) for (const [code, count] of Object.entries(summary.byCode)) byCode.set(code, (byCode.get(code) ?? 0) + count);
  const rejected = summaries.reduce((sum, summary) => sum + summary.rejected, 0);
  const listed = rejections.slice(0, LIST_LIMIT);
  return {
    read: summaries.reduce((sum, summary) => sum + summary.read, 0),
    checked: summaries.reduce((sum, summary) => sum + summary.checked, 0),
    rejected,
    rejections: listed,
    unlisted: rejected - listed.length,
    byCode: Object.fromEntries([...byCode].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/**
 * Audits an NDJSON file of several schools on two worker threads: this thread splits the lines by
 * the school they name (the first school seen goes to shard 0, the next to shard 1 …), each worker
 * parses and audits its schools; the results come back per school and are merged in school order,
 * so the output is the same as on one thread.
 */
export async function auditSharded(request: AuditRequest, io: CliIo, options: { calendars: SchoolCalendar[]; evidence?: GovernanceEvidence }, resolution?: Resolution): Promise<{ results: AuditResult[]; read: DatasetRead }> {
  const path = resolve(io.cwd, request.data!);
  const shown = relative(io.cwd, path) || path;
  const init: ShardInit = { resolution, options: { asOf: request.asOf, calendar: options.calendars, file: request.pack, ...(options.evidence && { evidence: options.evidence }) } };
  const workers = Array.from({ length: SHARDS }, () => new Worker(workerFile()!, { workerData: init }));
  // Backpressure: at most IN_FLIGHT batches queued per worker, so memory stays bounded however fast the file reads.
  const inFlight = workers.map(() => 0);
  const waiting: ((() => void) | undefined)[] = workers.map(() => undefined);
  const replies = workers.map((worker, shard) => new Promise<Extract<ShardReply, { type: 'done' }>>((done, fail) => {
    worker.on('message', (reply: ShardReply) => {
      if (reply.type === 'done') return done(reply);
      inFlight[shard]!--;
      waiting[shard]?.();
      waiting[shard] = undefined;
    });
    worker.once('error', fail);
  }));
  const shardOf = new Map<string, number>();
  const pending = workers.map(() => ({ lines: [] as string[], numbers: [] as number[] }));
  const send = async (shard: number) => {
    const batch = pending[shard]!;
    if (batch.lines.length === 0) return;
    while (inFlight[shard]! >= IN_FLIGHT) await new Promise<void>((resume) => (waiting[shard] = resume));
    const message: ShardMessage = { type: 'lines', file: shown, lines: batch.lines, numbers: batch.numbers };
    inFlight[shard]!++;
    workers[shard]!.postMessage(message);
    pending[shard] = { lines: [], numbers: [] };
  };
  const progress = createProgress(io.stderr);
  const findings: DatasetRead['findings'][number][] = [];
  for await (const batch of decodeLines(chunksOf(path), shown)) {
    if ('finding' in batch) {
      findings.push(batch.finding);
      break;
    }
    batch.forEach((text, line) => {
      const school = SCHOOL.exec(text)?.[1] ?? '';
      let shard = shardOf.get(school);
      if (shard === undefined) shardOf.set(school, (shard = shardOf.size % SHARDS));
      const target = pending[shard]!;
      target.lines.push(text);
      target.numbers.push(line);
      progress.tick();
    });
    for (let shard = 0; shard < SHARDS; shard++) if (pending[shard]!.lines.length >= BATCH) await send(shard);
  }
  progress.done();
  for (const [shard, worker] of workers.entries()) {
    await send(shard);
    worker.postMessage({ type: 'end' } satisfies ShardMessage);
  }
  const answers = await Promise.all(replies);
  await Promise.all(workers.map((worker) => worker.terminate()));
  const summary = mergeIntakes(answers.map((answer) => answer.summary));
  const unreadable = findings.some((finding) => finding.severity === 'error');
  return { results: answers.flatMap((answer) => answer.results), read: { summary, findings, unreadable, files: [shown] } };
}
