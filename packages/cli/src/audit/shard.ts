import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type {
  AuditResult,
  GovernanceEvidence,
  IntakeSummary,
  Rejection,
  Resolution,
  SchoolCalendar,
} from '@portfolio-rules/core';
import type { CliIo } from '../command';
import type { DatasetRead } from '../dataset';
import { createProgress } from './progress';
import type { AuditRequest } from './request';
import type { ShardInit, ShardReply } from './shard-protocol';
import { unreachable } from '@portfolio-rules/core/internal';

export const SHARDS = 2;
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
      for (const match of buffer.toString('utf8').matchAll(new RegExp(SCHOOL.source, 'g')))
        schools.add(match[1] ?? unreachable('the school'));
    }
    return schools;
  } finally {
    await handle.close();
  }
}

/**
 * Below this size `--threads auto` stays on one thread. Each worker loads the engine (about 0.3 s)
 * and reads the whole file, and V8's background threads (GC, compiler) of three isolates share the
 * same CPUs, so two threads only pay off on large files. Wall time on a quiet 2-CPU machine
 * (bench/threads.mjs, seed 004, after the compact audit state made one thread cheaper), one thread
 * against two: 150 MB 0.98×, 459 MB 1.13×, 1.5 GB (Taipei) 1.43×. Hence 256 MiB.
 */
export const THREADS_FROM_BYTES = 256 * 1024 * 1024;

/**
 * Whether the data can be sharded across worker threads: one NDJSON file naming at least two
 * schools, and a built worker; with `auto`, a file of at least THREADS_FROM_BYTES.
 */
export async function shardable(cwd: string, data: string, threads: 'auto' | 2): Promise<boolean> {
  if (!workerFile() || !['.ndjson', '.jsonl', '.json'].includes(extname(data).toLowerCase())) return false;
  try {
    const path = resolve(cwd, data);
    const info = await stat(path);
    if (!info.isFile() || (threads === 'auto' && info.size < THREADS_FROM_BYTES)) return false;
    return (await schoolsAtEnds(path)).size >= 2;
  } catch {
    return false;
  }
}

/**
 * Several shards' accounting as one, as one intake would give it: the same totals, the same first
 * rejections in line order, and the counts per code in the order the codes first occur in the file
 * (each shard says on which line it first met each code).
 */
export function mergeIntakes(
  shards: readonly { readonly summary: IntakeSummary; readonly firstLines: Readonly<Record<string, number>> }[],
): IntakeSummary {
  const summaries = shards.map((shard) => shard.summary);
  const rejections: Rejection[] = summaries.flatMap((summary) => summary.rejections).sort((a, b) => a.line - b.line);
  const byCode = new Map<string, { count: number; first: number }>();
  for (const { summary, firstLines } of shards) {
    for (const [code, count] of Object.entries(summary.byCode)) {
      const known = byCode.get(code);
      byCode.set(code, {
        count: (known?.count ?? 0) + count,
        first: Math.min(known?.first ?? Infinity, firstLines[code] ?? Infinity),
      });
    }
  }
  const rejected = summaries.reduce((sum, summary) => sum + summary.rejected, 0);
  const listed = rejections.slice(0, LIST_LIMIT);
  return {
    read: summaries.reduce((sum, summary) => sum + summary.read, 0),
    checked: summaries.reduce((sum, summary) => sum + summary.checked, 0),
    rejected,
    rejections: listed,
    unlisted: rejected - listed.length,
    byCode: Object.fromEntries(
      [...byCode].sort(([, a], [, b]) => a.first - b.first).map(([code, { count }]) => [code, count]),
    ),
  };
}

/** Worker threads started before the pack is loaded, so that each loads the engine meanwhile; `stop` ends them. */
export interface ShardWorkers {
  readonly workers: readonly Worker[];
  stop: () => Promise<void>;
}

export function startShards(): ShardWorkers {
  const workers = Array.from({ length: SHARDS }, () => new Worker(workerFile() ?? unreachable('the worker file')));
  return {
    workers,
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Audits an NDJSON file of several schools on two worker threads. Each worker reads the whole file
 * itself, finds each line's school with a byte scan (no decoding, no parsing), and parses and
 * audits only the lines of its own schools (the first school seen goes to shard 0, the next to
 * shard 1 …; lines naming none go to the shard of `''`, so every line is read by exactly one):
 * this thread only waits, shows the progress and merges the results in school order, so the output
 * is the same as on one thread. `undefined` when a worker gave up (see ShardReply): run on one thread.
 */
export async function auditSharded(
  { workers, stop }: ShardWorkers,
  request: AuditRequest,
  io: CliIo,
  options: { calendars: SchoolCalendar[]; evidence?: GovernanceEvidence },
  resolution: Resolution,
): Promise<{ results: AuditResult[]; read: DatasetRead } | undefined> {
  const path = resolve(io.cwd, request.data ?? unreachable('the data path'));
  const shown = relative(io.cwd, path) || path;
  const audit = {
    asOf: request.asOf,
    calendar: options.calendars,
    file: request.pack,
    ...(options.evidence && { evidence: options.evidence }),
  };
  const progress = createProgress(io.stderr, (await stat(path)).size, request.language ?? 'zh-TW');
  const bytes = workers.map(() => 0);
  const lines = workers.map(() => 0);
  const replies = workers.map((worker, shard) =>
    new Promise<Exclude<ShardReply, { type: 'progress' }>>((done, fail) => {
      worker.on('message', (reply: ShardReply) => {
        if (reply.type !== 'progress') return done(reply);
        bytes[shard] = reply.bytes;
        lines[shard] = reply.lines;
        progress.update(
          Math.min(...bytes),
          lines.reduce((sum, count) => sum + count, 0),
        );
      });
      worker.once('error', fail);
      worker.once('exit', () => done({ type: 'fallback' }));
      worker.postMessage({ resolution, options: audit, path, file: shown, shard, shards: SHARDS } satisfies ShardInit);
    }).then((reply) => {
      if (reply.type === 'fallback') void stop();
      return reply;
    }),
  );
  const answers = await Promise.all(replies).finally(() => progress.done());
  const finished = answers.flatMap((answer) => (answer.type === 'done' ? [answer] : []));
  if (finished.length < answers.length) return undefined;
  const summary = mergeIntakes(finished);
  const conflicts = finished
    .flatMap((answer) => answer.conflicts)
    .sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0));
  return {
    results: finished.flatMap((answer) => answer.results),
    read: { summary, findings: conflicts, unreadable: false, files: [shown] },
  };
}
