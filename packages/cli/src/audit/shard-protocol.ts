import type { AuditOptions, AuditResult, IntakeSummary } from '@portfolio-rules/core';

/** What a shard worker starts with: the resolved pack (plain data) and the audit options. */
export interface ShardInit {
  readonly resolution: unknown;
  readonly options: AuditOptions;
}

export type ShardMessage = { readonly type: 'lines'; readonly file: string; readonly lines: readonly string[]; readonly numbers: readonly number[] } | { readonly type: 'end' };

/** A worker's answers: an acknowledgement per batch (backpressure), then the results once. */
export type ShardReply = { readonly type: 'ack' } | { readonly type: 'done'; readonly results: readonly AuditResult[]; readonly summary: IntakeSummary };
