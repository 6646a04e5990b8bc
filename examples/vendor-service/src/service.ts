import type { Actor, Explained, Finding, Step } from '@portfolio-rules/core';
import type { Database, Queryable } from './db';
import { type DecisionReply, logDecision } from './decisions';
import type { Rules } from './rules';

/** What every action works with: the database, the school's rules and the clock. */
export interface Service {
  readonly db: Database;
  readonly rules: Rules;
  /** Today, a `YYYY-MM-DD` day in Taiwan (the engine reads every time as a Taiwan calendar day). */
  today(): string;
}

/** A request about something that does not exist (HTTP 404), or that may not be made this way (HTTP 403, 409). */
export class RequestError extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** The engine's answer, whichever shape it has (a check, or a transition's `ok`). */
export type Answer =
  Explained | { readonly ok: boolean; readonly findings: readonly Finding[]; readonly explanation: readonly Step[] };

export const isAllowed = (answer: Answer): boolean => ('allowed' in answer ? answer.allowed : answer.ok);

/**
 * Logs the engine's answer in the caller's transaction and gives the reply; `write` runs only when the
 * answer allows, with the decision's id, in the same transaction — the write and its log row commit together.
 */
export async function record<T>(
  service: Service,
  tx: Queryable,
  what: {
    readonly action: string;
    readonly subject: string;
    readonly actor: Actor;
    readonly request: unknown;
    readonly day: string;
  },
  answer: Answer,
  write: (decision: number) => Promise<T>,
): Promise<DecisionReply & { readonly result?: T }> {
  const allowed = isAllowed(answer);
  const decision = await logDecision(tx, {
    ...what,
    allowed,
    findings: answer.findings,
    explanation: answer.explanation,
    packVersion: service.rules.version,
  });
  const reply = { decision, allowed, findings: answer.findings, explanation: answer.explanation };
  return allowed ? { ...reply, result: await write(decision) } : reply;
}
