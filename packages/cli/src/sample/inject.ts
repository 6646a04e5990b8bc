import { capRoom, capVerdict, countsTowards, unreachable } from '@portfolio-rules/core/internal';
import type { TermPlan } from './plan';
import {
  countIn,
  type Item,
  roomUnder,
  selectable,
  lateDays,
  selectLimits,
  setState,
  uploadLimits,
  uploadRoom,
} from './portfolio';
import type { Random } from './random';
import type { StudentViolation } from './violations';

/** Makes a new clean item of a kind in a term (state as given, unselected). */
export type NewItem = (kind: Item['kind'], term: TermPlan, state: Item['state']) => Item;

export interface Portfolio {
  readonly items: Item[];
  readonly terms: readonly TermPlan[];
  readonly newItem: NewItem;
  readonly random: Random;
  /** The student's certification deadline in a term (the pack's window for their grade then). */
  readonly deadlineIn: (term: TermPlan) => number | undefined;
}

const termsOfPeriod = (terms: readonly TermPlan[], term: TermPlan, per: 'semester' | 'academicYear') =>
  terms.filter((other) => (per === 'semester' ? other.code === term.code : other.year === term.year));

/** The tightest of a term's upload limits of one period kind (Infinity without one). */
const tightest = (kind: Item['kind'], term: TermPlan, per: 'semester' | 'academicYear') =>
  Math.min(
    Infinity,
    ...uploadLimits(kind, term)
      .filter((limit) => limit.per === per)
      .map((limit) => limit.max),
  );

/** How many items the upload caps allow in a period at most: each semester's limits added up, within the yearly limits. */
function capacity(kind: Item['kind'], periodTerms: readonly TermPlan[]): number {
  const bySemester = periodTerms.reduce((sum, term) => sum + tightest(kind, term, 'semester'), 0);
  return Math.min(bySemester, tightest(kind, periodTerms[0] ?? unreachable('a term of the year'), 'academicYear'));
}

/** A term's first select limit — the pack's own, else a national bound — when uploads leave room to exceed it. */
function exceedableSelect(kind: Item['kind'], terms: readonly TermPlan[], term: TermPlan) {
  const limit = selectLimits(kind, term)[0];
  return limit && capVerdict(limit, capacity(kind, termsOfPeriod(terms, term, limit.per)), 0) === 'over'
    ? limit
    : undefined;
}

/** The first term with room for one more upload, among `terms`. */
function roomyTerm(portfolio: Portfolio, kind: Item['kind'], terms: readonly TermPlan[]): TermPlan | undefined {
  return terms.find((term) => uploadRoom(portfolio.items, kind, term) > 0);
}

function add(portfolio: Portfolio, kind: Item['kind'], term: TermPlan, state: Item['state']): Item {
  const item = portfolio.newItem(kind, term, state);
  portfolio.items.push(item);
  return item;
}

/** Uploads past the (first) cap in one period: `max - count + 1…2` more, unselected. */
function overUpload(portfolio: Portfolio, kind: Item['kind']): boolean {
  const candidates = portfolio.terms.filter((candidate) => uploadLimits(kind, candidate).length > 0);
  if (candidates.length === 0) return false;
  const term = portfolio.random.pick(candidates);
  const limit = uploadLimits(kind, term)[0] ?? unreachable('an upload limit');
  const extra = capRoom(limit, countIn(portfolio.items, kind, term, limit)) + portfolio.random.int(1, 2);
  const targets = termsOfPeriod(portfolio.terms, term, limit.per);
  for (let index = 0; index < extra; index++) add(portfolio, kind, portfolio.random.pick(targets), 'draft');
  return true;
}

/** Selections past the cap in one period, uploads staying within their caps. */
function overSelect(portfolio: Portfolio, kind: Item['kind']): boolean {
  const candidates = portfolio.terms.filter((term) => exceedableSelect(kind, portfolio.terms, term));
  if (candidates.length === 0) return false;
  const term = portfolio.random.pick(candidates);
  const limit = exceedableSelect(kind, portfolio.terms, term) ?? unreachable('a select limit');
  const period = termsOfPeriod(portfolio.terms, term, limit.per);
  // An item that would count once selected.
  const inPeriod = (item: Item) =>
    item.kind === kind && period.includes(item.term) && countsTowards(limit, 'select', { ...item, selected: true });
  let needed = capRoom(limit, countIn(portfolio.items, kind, term, limit, true)) + 1;
  for (const item of portfolio.items.filter((candidate) => inPeriod(candidate) && !candidate.selected)) {
    if (needed <= 0) break;
    if (!selectable(item)) setState(item, 'certified', portfolio.random);
    item.selected = true;
    needed--;
  }
  while (needed > 0) {
    const target = roomyTerm(portfolio, kind, period) ?? unreachable('a term with room');
    add(portfolio, kind, target, 'certified').selected = true;
    needed--;
  }
  return true;
}

/** A course outcome to change: an existing one that passes `fits`, else a new one where there is room (in a term `termFits`). */
function outcome(
  portfolio: Portfolio,
  fits: (item: Item) => boolean,
  state: Item['state'],
  termFits: (term: TermPlan) => boolean = () => true,
): Item | undefined {
  const found = portfolio.items.filter(
    (item) => item.kind === 'courseOutcome' && !item.withdrawn && termFits(item.term) && fits(item),
  );
  if (found.length > 0) return portfolio.random.pick(found);
  const term = roomyTerm(portfolio, 'courseOutcome', portfolio.terms.filter(termFits));
  return term && add(portfolio, 'courseOutcome', term, state);
}

function selectedUncertified(portfolio: Portfolio): boolean {
  const roomToSelect = (item: Item) =>
    roomUnder(portfolio.items, 'courseOutcome', item.term, selectLimits('courseOutcome', item.term), true) > 0;
  const item = outcome(portfolio, (candidate) => candidate.selected || roomToSelect(candidate), 'draft');
  if (!item) return false;
  setState(item, portfolio.random.pick(['rejected', 'draft'] as const), portfolio.random);
  item.selected = true;
  return true;
}

function lateCertification(portfolio: Portfolio): boolean {
  const canBeLate = (term: TermPlan) => lateDays({ term, deadline: portfolio.deadlineIn(term) }) !== undefined;
  const item = outcome(
    portfolio,
    (candidate) => candidate.state === 'certified' || !candidate.selected,
    'certified',
    canBeLate,
  );
  if (!item) return false;
  setState(item, 'certified', portfolio.random, { late: true });
  return true;
}

/** A course outcome sent for certification and never decided, long after the window closed. */
function overdueCertification(portfolio: Portfolio): boolean {
  const item = outcome(
    portfolio,
    (candidate) => !candidate.selected && candidate.state !== 'submitted',
    'submitted',
    (term) => portfolio.deadlineIn(term) !== undefined,
  );
  if (!item) return false;
  setState(item, 'submitted', portfolio.random);
  return true;
}

function rejectedWithoutReason(portfolio: Portfolio): boolean {
  const item = outcome(portfolio, (candidate) => candidate.state === 'rejected' || !candidate.selected, 'rejected');
  if (!item) return false;
  setState(item, 'rejected', portfolio.random, { reason: false });
  item.selected = false;
  return true;
}

/** Applies one violation to a student's items; false when the pack or the student leaves no room for it. */
export function inject(kind: StudentViolation, portfolio: Portfolio): boolean {
  switch (kind) {
    case 'courseOutcomeOverUpload':
      return overUpload(portfolio, 'courseOutcome');
    case 'diversePerformanceOverUpload':
      return overUpload(portfolio, 'diversePerformance');
    case 'courseOutcomeOverSelection':
      return overSelect(portfolio, 'courseOutcome');
    case 'diversePerformanceOverSelection':
      return overSelect(portfolio, 'diversePerformance');
    case 'selectedUncertified':
      return selectedUncertified(portfolio);
    case 'lateCertification':
      return lateCertification(portfolio);
    case 'rejectedWithoutReason':
      return rejectedWithoutReason(portfolio);
    case 'overdueCertification':
      return overdueCertification(portfolio);
    case 'unresolvedDispute':
      return false;
  }
}

/** The student violations a pack and a student's terms allow at all (late and overdue need a certification window). */
export function applicable(terms: readonly TermPlan[], deadlineIn: Portfolio['deadlineIn']): StudentViolation[] {
  const kinds: StudentViolation[] = ['selectedUncertified', 'rejectedWithoutReason', 'unresolvedDispute'];
  if (terms.some((term) => lateDays({ term, deadline: deadlineIn(term) }))) kinds.push('lateCertification');
  if (terms.some((term) => deadlineIn(term) !== undefined)) kinds.push('overdueCertification');
  if (terms.some((term) => term.courseOutcomeUpload.length > 0)) kinds.push('courseOutcomeOverUpload');
  if (terms.some((term) => term.diversePerformanceUpload.length > 0)) kinds.push('diversePerformanceOverUpload');
  for (const kind of ['courseOutcome', 'diversePerformance'] as const) {
    const possible = terms.some((term) => exceedableSelect(kind, terms, term));
    if (possible)
      kinds.push(kind === 'courseOutcome' ? 'courseOutcomeOverSelection' : 'diversePerformanceOverSelection');
  }
  return kinds;
}
