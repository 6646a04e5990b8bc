import type { AuditOptions, AuditResult, Finding, IntakeSummary } from '@portfolio-rules/core';

/** What a shard worker starts with: the resolved pack (plain data), the audit options, and the file and shard it reads. */
export interface ShardInit {
  readonly resolution: unknown;
  readonly options: AuditOptions;
  /** The NDJSON file, absolute, and as findings name it. */
  readonly path: string;
  readonly file: string;
  readonly shard: number;
  readonly shards: number;
}

/**
 * A worker's messages: how far it has read (bytes of the file, lines of its shard), then its results
 * once, with the line on which it first rejected a line for each code; or `fallback` when the file is not UTF-8 throughout or a line's school was misread by the
 * byte scan, and the audit must run on one thread.
 */
export type ShardReply =
  | { readonly type: 'progress'; readonly bytes: number; readonly lines: number }
  | {
      readonly type: 'done';
      readonly results: readonly AuditResult[];
      readonly summary: IntakeSummary;
      readonly firstLines: Readonly<Record<string, number>>;
      /** Records with the id of an earlier record and other content (PR8022), in line order. */
      readonly conflicts: readonly Finding[];
    }
  | { readonly type: 'fallback' };
