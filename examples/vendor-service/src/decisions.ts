import type { Actor, Finding, Step } from '@portfolio-rules/core';

/** What every decision records (what an auditor asks a platform for). */
export interface DecisionEntry {
  readonly day: string;
  readonly action: string;
  readonly subject: string;
  readonly actor: Actor;
  readonly request: unknown;
  readonly allowed: boolean;
  readonly codes: readonly string[];
  /** The findings and the explanation as JSON texts: serialised once, for the log and for the answer. */
  readonly findings: string;
  readonly explanation: string;
  readonly packVersion: string;
}

/** The statement that logs a decision (parameters $1–$10), and its parameters. */
export function decisionInsert(entry: DecisionEntry): { readonly sql: string; readonly params: unknown[] } {
  return {
    sql: `insert into decisions (day, action, subject, actor, request, allowed, codes, findings, explanation, pack_version)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    params: [
      entry.day,
      entry.action,
      entry.subject,
      JSON.stringify(entry.actor),
      JSON.stringify(entry.request),
      entry.allowed,
      entry.codes,
      entry.findings,
      entry.explanation,
      entry.packVersion,
    ],
  };
}

/**
 * A decision as the API answers it: whether the engine allowed it, and the answer's JSON text —
 * `{ decision, allowed, findings, explanation, result? }` — built from the texts the log stores.
 */
export interface Decided {
  readonly allowed: boolean;
  readonly body: string;
}

/** The answer's JSON (`Decided.body`) as a client reads it. */
export interface DecisionReply {
  readonly decision: number;
  readonly allowed: boolean;
  readonly findings: readonly Finding[];
  readonly explanation: readonly Step[];
}
