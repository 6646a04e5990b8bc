import type { Actor, Finding, Step } from '@portfolio-rules/core';
import type { Queryable } from './db';

/** What every decision records (what an auditor asks a platform for). */
export interface DecisionEntry {
  readonly day: string;
  readonly action: string;
  readonly subject: string;
  readonly actor: Actor;
  readonly request: unknown;
  readonly allowed: boolean;
  readonly findings: readonly Finding[];
  readonly explanation: readonly Step[];
  readonly packVersion: string;
}

/** Writes a decision to the log, in the caller's transaction; returns its id for the rows it allowed. */
export async function logDecision(tx: Queryable, entry: DecisionEntry): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `insert into decisions (day, action, subject, actor, request, allowed, codes, findings, explanation, pack_version)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      entry.day,
      entry.action,
      entry.subject,
      JSON.stringify(entry.actor),
      JSON.stringify(entry.request),
      entry.allowed,
      entry.findings.map((finding) => finding.code),
      JSON.stringify(entry.findings),
      JSON.stringify(entry.explanation),
      entry.packVersion,
    ],
  );
  return rows[0]!.id;
}

/** A decision as the API answers it. */
export interface DecisionReply {
  readonly decision: number;
  readonly allowed: boolean;
  readonly findings: readonly Finding[];
  readonly explanation: readonly Step[];
}
