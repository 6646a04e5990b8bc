import {
  type Audit,
  createAudit,
  createIntake,
  type Finding,
  type IntakeSummary,
  type Resolution,
} from '@portfolio-rules/core';
import type { ShardInit, ShardReply } from './shard-protocol';
import { type ShardScan, scanShard } from './shard-lines';
import { internalError } from '../dataset';

/**
 * One shard: reads the whole file itself, parses and audits only the lines of its schools, then
 * answers once. An unexpected failure on one record rejects that record (PR8020), as on one thread. A record whose parsed school is not the one the byte scan read (an escaped or
 * nested `school`) would belong to another shard: the worker stops and the audit runs on one thread.
 */
export function auditShard(init: ShardInit, post: (reply: ShardReply) => void): ShardReply {
  const audits = new Map<string, Audit>();
  const firstLines: Record<string, number> = {};
  const conflicts: Finding[] = [];
  // The intake lives in readShard only: its duplicate index is let go of before the audits finish.
  const read = readShard(init, post, audits, firstLines, conflicts);
  return read
    ? {
        type: 'done',
        results: [...audits.values()].map((audit) => audit.finish()),
        summary: read.summary,
        firstLines,
        conflicts,
      }
    : { type: 'fallback' };
}

/** Reads the shard's lines into `audits`: the intake's summary, or undefined when the shard could not be read alone. */
function readShard(
  init: ShardInit,
  post: (reply: ShardReply) => void,
  audits: Map<string, Audit>,
  firstLines: Record<string, number>,
  conflicts: Finding[],
): { readonly summary: IntakeSummary } | undefined {
  const resolution = init.resolution as Resolution;
  const intake = createIntake();
  const parse = { file: init.file };
  let lines = 0;
  let scan: ShardScan;
  try {
    scan = scanShard(
      init.path,
      init,
      (text, line, scanned) => {
        lines++;
        const result = intake.accept(text, line, parse);
        if (!result.ok) {
          firstLines[result.finding.code] ??= line;
          return true;
        }
        const school = result.record.school ?? '';
        if (school !== scanned) return false;
        if (result.conflict) conflicts.push(result.conflict);
        let audit = audits.get(school);
        if (!audit)
          audits.set(school, (audit = createAudit(resolution, { ...init.options, ...(school !== '' && { school }) })));
        try {
          audit.add(result.record, { file: init.file, line, column: 1, record: line });
        } catch (error) {
          const finding = internalError(error, init.file, line);
          intake.reject(finding, line, parse);
          firstLines[finding.code] ??= line;
        }
        return true;
      },
      (bytes) => post({ type: 'progress', bytes, lines }),
    );
  } catch {
    // An unreadable file is left to the one-thread reader, which reports it.
    scan = 'stopped';
  }
  return scan === 'read' ? { summary: intake.summary() } : undefined;
}
