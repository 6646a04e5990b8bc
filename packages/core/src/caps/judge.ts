import { layerAndSource } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { Position, Source } from '../findings/types';
import type { EntrySource, StudentKind } from '../records';
import { CAP_CODES } from './codes';
import type { Period } from './schema';

/** What a student does that a cap counts: uploading an item, or selecting (勾選) it. */
export type CapAction = 'upload' | 'select';

/** One limit that holds for an action: the pack's cap, or a national bound that holds whatever the pack says. */
export interface CapLimit {
  readonly rule: string;
  readonly max: number;
  readonly per: Period;
  readonly exempt: readonly EntrySource[];
  readonly countsRejected: boolean;
  readonly national: boolean;
  readonly layer?: string;
  readonly source?: Source;
}

/**
 * How many more items fit under a limit when `count` already count in its period (要點 3; the school's
 * clause on the cap, e.g. 馬公 五(三)1 at most 6 a semester). Negative when the period is already over.
 */
export function capRoom(limit: Pick<CapLimit, 'max'>, count: number): number {
  return limit.max - count;
}

/** What a cap says of `adding` more items on top of `count`: over it, the last slot taken, or neither. */
export type CapVerdict = 'over' | 'lastSlot' | undefined;

/**
 * The cap rule, the one place it is decided: `adding` items (1 for a request, 0 when the audit judges
 * what the data holds) on top of the `count` already counted go over the limit; a request that takes
 * the very last slot is told so.
 */
export function capVerdict(limit: Pick<CapLimit, 'max'>, count: number, adding: 0 | 1): CapVerdict {
  const room = capRoom(limit, count);
  if (adding > room) return 'over';
  return adding > 0 && adding === room ? 'lastSlot' : undefined;
}

/** One limit judged for one subject: the engine's item, or the audit's student. */
export interface CapCase {
  readonly limit: CapLimit;
  readonly action: CapAction;
  readonly kind: StudentKind;
  /** The period counted: a term (`11201`) or an academic year (`112`). */
  readonly period: string;
  /** The items already counted in the period (without the one a request adds). */
  readonly count: number;
  readonly subject: string;
  readonly position?: Position;
}

/** The code of a cap gone over: PR3001 for uploads, PR3002 for selections. */
export const capReached = (action: CapAction) =>
  action === 'upload' ? CAP_CODES.uploadCapReached : CAP_CODES.selectCapReached;

/** The numbers a cap finding and its explanation step carry. */
export function capParams(judged: CapCase) {
  const { limit } = judged;
  const params: {
    kind: StudentKind;
    max: number;
    per: CapLimit['per'];
    count: number;
    period: string;
    source?: NonNullable<CapLimit['source']>;
  } = {
    kind: judged.kind,
    max: limit.max,
    per: limit.per,
    count: judged.count,
    period: judged.period,
  };
  if (limit.source) params.source = limit.source;
  return params;
}

/**
 * The finding of a verdict (PR3001/PR3002 over the cap, PR3003 the last slot), the one place cap
 * findings are built; undefined when the verdict is neither.
 */
export function capFinding(verdict: CapVerdict, judged: CapCase): Finding | undefined {
  if (verdict === undefined) return undefined;
  const params = capParams(judged);
  const context = { rule: judged.limit.rule, subject: judged.subject, ...layerAndSource(judged.limit) };
  if (judged.position) Object.assign(context, { position: judged.position });
  return verdict === 'over'
    ? createFinding(capReached(judged.action), params, context)
    : createFinding(CAP_CODES.lastSlot, Object.assign(params, { action: judged.action }), context);
}

/**
 * Which of several limits on one subject report: a limit with the same max, cadence and period as one
 * already reported (the pack's cap, then a national bound that says the same) is reported only once.
 */
export function capReportKey(limit: Pick<CapLimit, 'max' | 'per'>, period: string): string {
  return `${limit.max}|${limit.per}|${period}`;
}
