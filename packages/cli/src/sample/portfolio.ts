import { capRoom, countsTowards, standingVerdict, unreachable } from '@portfolio-rules/core/internal';
import { iso, type Day } from './days';
import type { Limit, TermPlan } from './plan';
import type { Random } from './random';

/** A student's course outcome or diverse performance while it is being generated. */
export interface Item {
  readonly kind: 'courseOutcome' | 'diversePerformance';
  readonly id: string;
  readonly term: TermPlan;
  state: 'draft' | 'submitted' | 'certified' | 'rejected';
  selected: boolean;
  withdrawn: boolean;
  uploadedOn: Day;
  decidedOn?: Day;
  reason?: string;
  deputy?: boolean;
  readonly course?: string;
  readonly category?: string;
  readonly entry: 'student' | 'schoolEntered';
  /** The student's division, whose deputies certify for an absent teacher. */
  readonly division: string;
  /** The last day to certify it: the pack's certification window for the student's grade then; undefined without one. */
  readonly deadline?: Day;
}

const REASONS = ['非本課程之成果', '檔案無法開啟', '內容與簡述不符', '非本人作品'];

export function reasonFor(random: Random): string {
  return random.pick(REASONS);
}

/** A decision date inside the window (before the closing ceremony + 1 week, and the pack's deadline). */
export function onTimeDecision(item: Item, random: Random): Day {
  return Math.max(
    item.uploadedOn,
    Math.min(item.uploadedOn + random.int(1, 12), item.term.closingCeremony + 7, item.deadline ?? Infinity),
  );
}

/**
 * The days a late certification may fall on: after the pack's deadline, no later than a week after
 * the national submission (so before the final submission, which would make it a change after
 * locking); undefined when the pack sets no certification window or leaves no such day.
 */
export function lateDays(item: {
  readonly term: Item['term'];
  readonly deadline?: Day | undefined;
}): readonly [Day, Day] | undefined {
  if (item.deadline === undefined) return undefined;
  const last = item.term.submittedOn + 7;
  return last > item.deadline ? [item.deadline + 1, last] : undefined;
}

/** Sets a course outcome's state with consistent dates and reason. */
export function setState(
  item: Item,
  state: Item['state'],
  random: Random,
  options: { late?: boolean; reason?: boolean } = {},
): void {
  item.state = state;
  delete item.decidedOn;
  delete item.reason;
  delete item.deputy;
  if (state === 'certified' || state === 'rejected') {
    const late = options.late ? lateDays(item) : undefined;
    item.decidedOn = late ? random.int(late[0], late[1]) : onTimeDecision(item, random);
    if (state === 'certified' && item.term.divisions[item.division]?.deputy && random.chance(0.03)) item.deputy = true;
  }
  if (state === 'rejected' && options.reason !== false) item.reason = reasonFor(random);
}

/**
 * The clean mix of certification states (seed 004: 583,173 certifications of 1,018,940 uploads ≈ 57 %).
 * Clean data leaves nothing awaiting a decision after the window: what was not decided was never
 * sent for certification (draft); items left `submitted` are the injected `overdueCertification`.
 */
export function cleanState(random: Random): Item['state'] {
  const roll = random.next();
  return roll < 0.57 ? 'certified' : roll < 0.62 ? 'rejected' : 'draft';
}

/** Whether two terms fall in the same period of a cap. */
export function samePeriod(a: TermPlan, b: TermPlan, per: Limit['per']): boolean {
  return per === 'semester' ? a.code === b.code : a.year === b.year;
}

/** How many of a kind's items count in the period of `term` under `limit`, as the engine and the audit count them (countsTowards): uploads, or selections when asked. */
export function countIn(
  items: readonly Item[],
  kind: Item['kind'],
  term: TermPlan,
  limit: Limit,
  selectedOnly = false,
): number {
  const action = selectedOnly ? 'select' : 'upload';
  let total = 0;
  for (const item of items)
    if (item.kind === kind && samePeriod(item.term, term, limit.per) && countsTowards(limit, action, item)) total++;
  return total;
}

export function uploadLimits(kind: Item['kind'], term: TermPlan): readonly Limit[] {
  return kind === 'courseOutcome' ? term.courseOutcomeUpload : term.diversePerformanceUpload;
}

export function selectLimits(kind: Item['kind'], term: TermPlan): readonly Limit[] {
  return kind === 'courseOutcome' ? term.courseOutcomeSelect : term.diversePerformanceSelect;
}

/** Room left under every one of `limits` in the periods of `term` (Infinity without a limit). */
export function roomUnder(
  items: readonly Item[],
  kind: Item['kind'],
  term: TermPlan,
  limits: readonly Limit[],
  selectedOnly = false,
): number {
  let room = Infinity;
  for (const limit of limits) room = Math.min(room, capRoom(limit, countIn(items, kind, term, limit, selectedOnly)));
  return room;
}

/** Room left for one more upload in the term's upload periods. */
export function uploadRoom(items: readonly Item[], kind: Item['kind'], term: TermPlan): number {
  return roomUnder(items, kind, term, uploadLimits(kind, term));
}

/** A selectable item, by the engine's standing rule: a certified course outcome, or any diverse performance, not withdrawn. */
export function selectable(item: Item): boolean {
  return standingVerdict(item, 'select') === undefined;
}

/** Picks `count` of the items at random (a partial Fisher–Yates on a copy). */
export function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const copy = [...items];
  for (let index = 0; index < count && index < copy.length; index++) {
    const swap = random.int(index, copy.length - 1);
    const picked = copy[swap] ?? unreachable(`item ${swap}`);
    copy[swap] = copy[index] ?? unreachable(`item ${index}`);
    copy[index] = picked;
  }
  return copy.slice(0, count);
}

export function isoOf(value: Day | undefined): string | undefined {
  return value === undefined ? undefined : iso(value);
}
