import type { Actor, Explained, Finding, Step } from '@portfolio-rules/core';
import type { Closing, Database, Statement } from './db';
import { type Decided, decisionInsert } from './decisions';
import type { Rules } from './rules';
import { present } from './present';

/** What every action works with: the database, the school's rules and the clock. */
export interface Service {
  readonly db: Database;
  readonly rules: Rules;
  /** Today, a `YYYY-MM-DD` day in Taiwan (the engine reads every time as a Taiwan calendar day). */
  today(): string;
}

/** The engine's answer, whichever shape it has (a check, or a transition's `ok`). */
export type Answer =
  Explained | { readonly ok: boolean; readonly findings: readonly Finding[]; readonly explanation: readonly Step[] };

export const isAllowed = (answer: Answer): boolean => ('allowed' in answer ? answer.allowed : answer.ok);

/** A write an allowed decision makes: one statement, where `$decision` stands for the id of the decision. */
export type Write = Statement;

/** Renumbers a statement's parameters after `offset` others, and puts the decision's id for `$decision`. */
const placed = (sql: string, offset: number) =>
  sql.replaceAll('$decision', '(select id from d)').replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

/**
 * Logs the engine's answer and, only when it allows, makes its writes — in ONE statement (the
 * decision's insert and the writes as data-modifying WITH queries), the transaction's last, sent with
 * its `commit`: the writes and their log row commit together or not at all. The findings and the
 * explanation are serialised once, for the log and for the answer.
 */
export function record(
  service: Service,
  what: {
    readonly action: string;
    readonly subject: string;
    readonly actor: Actor;
    readonly request: unknown;
    readonly day: string;
  },
  answer: Answer,
  writes: readonly Write[],
  result?: unknown,
): Closing<Decided> {
  const allowed = isAllowed(answer);
  const findings = JSON.stringify(answer.findings);
  const explanation = JSON.stringify(answer.explanation);
  const decision = decisionInsert({
    ...what,
    allowed,
    codes: answer.findings.map((finding) => finding.code),
    findings,
    explanation,
    packVersion: service.rules.version,
  });
  const params = [...decision.params];
  let sql = `with d as (${decision.sql})`;
  for (const [index, write] of (allowed ? writes : []).entries()) {
    sql += `, w${index} as (${placed(write.sql, params.length)})`;
    params.push(...write.params);
  }
  const rest = `"allowed":${allowed},"findings":${findings},"explanation":${explanation}${
    allowed && result !== undefined ? `,"result":${JSON.stringify(result)}` : ''
  }}`;
  return {
    sql: `${sql} select id from d`,
    params,
    answer: (rows) => ({
      allowed,
      body: `{"decision":${Number(present(rows[0], 'the decision id').id)},${rest}`,
    }),
  };
}
