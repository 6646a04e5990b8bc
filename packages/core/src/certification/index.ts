import { type PlainDate, toPlainDate } from '../_lib/date';
import { combine, type Explained, type Part } from '../decision/explanation';
import { checkSpan, type DateSpan } from '../windows/span';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { CertificationState, CourseOutcome, FileRef } from '../records/items';
import type { Actor } from '../roles/actor';
import { checkLock, type Submission } from '../submission';
import { checkItemFinalLock, type FinalSubmission } from '../submission/final-lock';
import { checkCertifier, type CertifierContext, MANUAL_4_7 } from './authority';
import { CERTIFICATION_CODES } from './codes';
import { reasonFinding, reasonGiven } from './reason';
import { certificationArgumentsProblem as argumentsProblem } from './request';
import { effectiveProblem, type Problem, refuseMalformed, under } from '../requests';

export { CERTIFICATION_CODES } from './codes';
export { checkCertifier, DEPUTY_RULE, MANUAL_4_7, type CertifierContext } from './authority';
export { reasonFinding, reasonGiven } from './reason';

/** What happens to a course outcome (seed 002, 4-7): the student edits and submits (送審), the teacher certifies, rejects or revokes, an administrator reassigns. */
export type CertificationEvent =
  | { readonly type: 'edit'; readonly summary?: string; readonly files?: readonly FileRef[] }
  | { readonly type: 'submit' }
  | { readonly type: 'withdraw' }
  | { readonly type: 'certify' }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'revoke'; readonly reason?: string }
  | { readonly type: 'reassign'; readonly certifier: string };
export type CertificationEventType = CertificationEvent['type'];

/** What to record after a transition: who did what, when, from which state to which. */
export interface RecordedEvent {
  readonly type: 'edited' | 'submitted' | 'withdrawn' | 'certified' | 'rejected' | 'revoked' | 'reassigned';
  readonly itemId: string;
  readonly actor: string;
  readonly at: PlainDate;
  readonly from: CertificationState;
  readonly to: CertificationState;
  /** The link of the certification chain the actor filled: `courseTeacher`, or a deputy such as `departmentTeacher`. */
  readonly actingAs?: string;
  readonly reason?: string;
  readonly certifier?: string;
  readonly previousCertifier?: string;
}

export interface TransitionContext extends CertifierContext {
  /** Rosters the school submitted: once a term's roster is in, nothing about its items changes. */
  readonly submissions?: readonly Submission[];
  /** Final submissions made: after the item's roster's (its term's, in `division`), nothing about it changes, whoever acts (PR7014). */
  readonly finals?: readonly FinalSubmission[] | undefined;
  /** The certification window (teachers certify within it, 馬公 五(三)2), as the windows resolver gives it. */
  readonly window?: DateSpan;
}

export type TransitionResult =
  | {
      readonly ok: true;
      readonly item: CourseOutcome;
      readonly events: readonly RecordedEvent[];
      readonly findings: readonly Finding[];
      readonly explanation: Explained['explanation'];
    }
  | { readonly ok: false; readonly findings: readonly Finding[]; readonly explanation: Explained['explanation'] };

type Who = 'student' | 'certifier' | 'admin';

const EVENTS: Readonly<
  Record<
    CertificationEventType,
    { readonly from: readonly CertificationState[]; readonly who: Who; readonly recorded: RecordedEvent['type'] }
  >
> = {
  edit: { from: ['draft', 'rejected'], who: 'student', recorded: 'edited' },
  submit: { from: ['draft', 'rejected'], who: 'student', recorded: 'submitted' },
  withdraw: { from: ['draft', 'rejected'], who: 'student', recorded: 'withdrawn' },
  certify: { from: ['submitted'], who: 'certifier', recorded: 'certified' },
  reject: { from: ['submitted'], who: 'certifier', recorded: 'rejected' },
  revoke: { from: ['certified'], who: 'certifier', recorded: 'revoked' },
  reassign: { from: ['draft', 'submitted', 'rejected'], who: 'admin', recorded: 'reassigned' },
};

const EVENT_TYPES: readonly string[] = Object.keys(EVENTS);

function checkActor(
  item: CourseOutcome,
  event: CertificationEvent,
  actor: Actor,
  context: TransitionContext,
): Part & { readonly actingAs?: string } {
  const who = EVENTS[event.type].who;
  if (who === 'certifier') return checkCertifier(item, actor, event.type, context);
  const rule = 'certification.actor';
  const ok =
    who === 'student'
      ? actor.roles.includes('student') && actor.studentId === item.studentId
      : actor.roles.includes('systemAdmin') ||
        actor.roles.includes('courseOutcomeSubmitter') ||
        actor.id === item.certifier;
  const authorised =
    who === 'student' ? `student ${item.studentId}` : `systemAdmin, courseOutcomeSubmitter, ${item.certifier}`;
  if (ok)
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          source: MANUAL_4_7,
          detail: { 'zh-TW': `${actor.id} 可${event.type}`, en: `${actor.id} may ${event.type}` },
          data: { authorised },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    CERTIFICATION_CODES.notAuthorised,
    { actor: actor.id, event: event.type, authorised, source: MANUAL_4_7 },
    { rule, subject: item.id, source: MANUAL_4_7 },
  );
  return {
    steps: [{ rule, outcome: 'failed', source: MANUAL_4_7, detail: finding.message, data: { authorised } }],
    findings: [finding],
  };
}

function checkState(item: CourseOutcome, event: CertificationEvent): Part {
  const rule = 'certification.state';
  const { from, who } = EVENTS[event.type];
  if (from.includes(item.state)) {
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          source: MANUAL_4_7,
          detail: { 'zh-TW': `${item.state} 可${event.type}`, en: `${event.type} is possible from ${item.state}` },
          data: { state: item.state },
        },
      ],
      findings: [],
    };
  }
  const context = { rule, subject: item.id, source: MANUAL_4_7 };
  const studentChange = who === 'student' && event.type !== 'submit';
  const finding =
    studentChange && item.state === 'certified'
      ? createFinding(
          CERTIFICATION_CODES.certifiedLocked,
          { ...(item.certifiedBy && { certifiedBy: item.certifiedBy }), source: MANUAL_4_7 },
          context,
        )
      : studentChange && item.state === 'submitted'
        ? createFinding(CERTIFICATION_CODES.underReview, { certifier: item.certifier, source: MANUAL_4_7 }, context)
        : createFinding(
            CERTIFICATION_CODES.invalidTransition,
            { event: event.type, state: item.state, allowedFrom: from, source: MANUAL_4_7 },
            context,
          );
  return {
    steps: [
      {
        rule,
        outcome: 'failed',
        source: MANUAL_4_7,
        detail: finding.message,
        data: { state: item.state, allowedFrom: from },
      },
    ],
    findings: [finding],
  };
}

function checkDetails(item: CourseOutcome, event: CertificationEvent): Part {
  if (event.type === 'reject') {
    const rule = 'certification.reason';
    if (reasonGiven(event.reason))
      return {
        steps: [
          {
            rule,
            outcome: 'passed',
            source: MANUAL_4_7,
            detail: { 'zh-TW': '已填寫認證說明', en: 'a reason is given' },
          },
        ],
        findings: [],
      };
    const finding = reasonFinding(item.id, item.studentId);
    return { steps: [{ rule, outcome: 'failed', source: MANUAL_4_7, detail: finding.message }], findings: [finding] };
  }
  if (event.type === 'reassign') {
    const rule = 'certification.reassign';
    const requested = typeof event.certifier === 'string' ? event.certifier.trim() : '';
    if (requested.length > 0 && requested !== item.certifier)
      return {
        steps: [
          {
            rule,
            outcome: 'passed',
            source: MANUAL_4_7,
            detail: { 'zh-TW': `改由 ${requested} 認證`, en: `${requested} certifies from now on` },
          },
        ],
        findings: [],
      };
    const finding = createFinding(
      CERTIFICATION_CODES.invalidReassignment,
      { certifier: item.certifier, requested: event.certifier },
      { rule, subject: item.id, source: MANUAL_4_7 },
    );
    return { steps: [{ rule, outcome: 'failed', source: MANUAL_4_7, detail: finding.message }], findings: [finding] };
  }
  return { steps: [], findings: [] };
}

function checkWithdrawn(item: CourseOutcome, event: CertificationEvent): Part {
  if (!item.withdrawn) return { steps: [], findings: [] };
  const finding = createFinding(
    CERTIFICATION_CODES.withdrawn,
    { event: event.type },
    { rule: 'certification.withdrawn', subject: item.id },
  );
  return {
    steps: [{ rule: 'certification.withdrawn', outcome: 'failed', detail: finding.message }],
    findings: [finding],
  };
}

function apply(item: CourseOutcome, event: CertificationEvent, actor: Actor, day: PlainDate): CourseOutcome {
  const { rejectionReason: _reason, certifiedBy: _by, certifiedOn: _on, ...rest } = item;
  switch (event.type) {
    case 'edit':
      return {
        ...rest,
        state: 'draft',
        ...(event.summary !== undefined && { summary: event.summary }),
        ...(event.files !== undefined && { files: event.files }),
      };
    case 'submit':
      return { ...rest, state: 'submitted' };
    case 'withdraw':
      return { ...item, withdrawn: true, selected: false };
    case 'certify':
      return { ...rest, state: 'certified', certifiedBy: actor.id, certifiedOn: day };
    case 'reject':
      return { ...rest, state: 'rejected', rejectionReason: event.reason.trim(), selected: false };
    case 'revoke':
      return { ...rest, state: 'draft', selected: false, revokedOn: day };
    case 'reassign':
      return { ...item, certifier: event.certifier.trim() };
  }
}

/**
 * One step of a course outcome's certification (seed 002, 4-7). Pure: checks the roster
 * lock, the actor's right (the assigned teacher, or the acting deputy from the pack's chain), the
 * state, the certification window and the event's own rules; returns the new item and the events
 * to record, or a refusal with findings. The input is never changed.
 */
export function transition(
  item: CourseOutcome,
  event: CertificationEvent,
  actor: Actor,
  at: PlainDate | Date,
  context: TransitionContext,
): TransitionResult {
  const found =
    transitionProblem(item, event, actor, at, context) ??
    under('context.effective', effectiveProblem((context as { effective?: unknown } | undefined)?.effective));
  return found ? refusedTransition('transition', found) : decideTransition(item, event, actor, at, context);
}

/** The arguments of a transition, checked: a refusal (PR8100) says where they are malformed. */
export const transitionProblem = (
  item: unknown,
  event: unknown,
  actor: unknown,
  at: unknown,
  context: unknown,
): Problem | undefined => argumentsProblem(EVENT_TYPES, item, event, actor, at, context);

/** A refusal of malformed arguments, as a transition answers. */
export function refusedTransition(method: string, found: Problem): TransitionResult {
  const refusal = refuseMalformed(method, found);
  return { ok: false, findings: refusal.findings, explanation: refusal.explanation };
}

/** {@link transition} on arguments already checked. */
export function decideTransition(
  item: CourseOutcome,
  event: CertificationEvent,
  actor: Actor,
  at: PlainDate | Date,
  context: TransitionContext,
): TransitionResult {
  const day = toPlainDate(at);
  const actorPart = checkActor(item, event, actor, context);
  const who = EVENTS[event.type].who;
  const parts: Part[] = [
    ...(context.finals ? [checkItemFinalLock(context.effective, context.finals, item, context.division)] : []),
    // Submitting the roster locks the student side (seed 002, 4-2 item 4: 提交後學生端即鎖定): the teacher's and the administrator's acts are bound by their window.
    ...(who === 'student' ? [checkLock(context.submissions ?? [], item)] : []),
    checkWithdrawn(item, event),
    actorPart,
    checkState(item, event),
  ];
  if (who === 'certifier') parts.push(checkSpan(context.window, day, 'courseOutcomeCertification', item.id));
  parts.push(checkDetails(item, event));
  const decision = combine(parts);
  if (!decision.allowed) return { ok: false, findings: decision.findings, explanation: decision.explanation };
  const next = apply(item, event, actor, day);
  const recorded: RecordedEvent = {
    type: EVENTS[event.type].recorded,
    itemId: item.id,
    actor: actor.id,
    at: day,
    from: item.state,
    to: next.state,
    ...(actorPart.actingAs && EVENTS[event.type].who === 'certifier' && { actingAs: actorPart.actingAs }),
    ...(event.type === 'reject' && { reason: event.reason.trim() }),
    ...(event.type === 'revoke' && event.reason !== undefined && { reason: event.reason }),
    ...(event.type === 'reassign' && { certifier: next.certifier, previousCertifier: item.certifier }),
  };
  return { ok: true, item: next, events: [recorded], findings: decision.findings, explanation: decision.explanation };
}
