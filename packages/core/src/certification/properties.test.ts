import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  COLLEAGUE,
  deepFreeze,
  DOMAIN_TEACHER,
  magong,
  outcome,
  STUDENT,
  TEACHER,
} from '../engine/magong.fixture';
import type { CourseOutcome } from '../records/items';
import type { Actor } from '../roles/actor';
import { deselectItem, selectItem } from '../selection';
import type { Submission } from '../submission';
import { type CertificationEvent, transition } from './index';

/** Thousands of random event sequences by default; FC_NUM_RUNS=100000 to run longer. The seed is fixed so CI is reproducible. */
const numRuns = Number(process.env.FC_NUM_RUNS ?? 1500);
/** Long runs need time: about 3 ms a sequence, with room to spare on a slow CI machine. */
const timeout = Math.max(60_000, numRuns * 20);
const effective = magong();
const window = { opens: '2024-01-20', closes: '2024-02-10' };

const ACTORS: readonly Actor[] = [
  STUDENT,
  { id: 's2', roles: ['student'], studentId: 's2' },
  TEACHER,
  COLLEAGUE,
  DOMAIN_TEACHER,
  { id: 't-ho', roles: ['departmentTeacher'], departments: ['chemistry'], domains: ['nature'] },
  ADMIN,
];

type Step =
  | {
      readonly kind: 'event';
      readonly event: CertificationEvent;
      readonly actor: number;
      readonly unavailable: readonly string[];
      readonly day: string;
    }
  | { readonly kind: 'select' | 'deselect'; readonly actor: number; readonly day: string }
  | { readonly kind: 'submitRoster' };

// Biased towards what succeeds (the student and the teacher, days inside the window, everyone available), so that long paths are reached.
const day = fc.oneof(
  { weight: 4, arbitrary: fc.constant('2024-01-25') },
  { weight: 1, arbitrary: fc.constantFrom('2024-01-19', '2024-02-10', '2024-02-11') },
);
const actorIndex = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 0, 2, 2, 3, 4) },
  { weight: 2, arbitrary: fc.nat(ACTORS.length - 1) },
);
const unavailable = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as string[]) },
  { weight: 2, arbitrary: fc.subarray(['t-chen', 't-lin', 'courseTeacher', 'departmentTeacher', 'domainTeacher']) },
);
const event: fc.Arbitrary<CertificationEvent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('edit' as const), summary: fc.string({ maxLength: 8 }) }) },
  { weight: 4, arbitrary: fc.constant({ type: 'submit' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'withdraw' as const }) },
  { weight: 4, arbitrary: fc.constant({ type: 'certify' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('reject' as const),
      reason: fc.constantFrom('', '  ', '非本人作品', '缺檔案'),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ type: 'revoke' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('reassign' as const),
      certifier: fc.constantFrom('t-chen', 't-lin', 't-wu', ''),
    }),
  },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('event' as const), event, actor: actorIndex, unavailable, day }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('select' as const, 'deselect' as const), actor: actorIndex, day }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'submitRoster' as const }) },
);

/** The certifier's right, stated independently of the implementation: the assigned teacher, else the first available deputy of 九(三) in the course's department or domain. */
function mayCertify(item: CourseOutcome, actor: Actor, unavailable: readonly string[]): boolean {
  if (!unavailable.includes(item.certifier) && !unavailable.includes('courseTeacher'))
    return actor.id === item.certifier;
  if (actor.id === item.certifier) return false;
  const deputy = ['departmentTeacher', 'domainTeacher'].find((link) => !unavailable.includes(link));
  if (deputy === 'departmentTeacher')
    return actor.roles.includes('departmentTeacher') && (actor.departments ?? []).includes(item.department ?? '');
  if (deputy === 'domainTeacher')
    return actor.roles.includes('domainTeacher') && (actor.domains ?? []).includes(item.domain ?? '');
  return false;
}

describe('certification state machine — properties over random event sequences (seed 42)', () => {
  it(
    'holds every invariant of seed 002, 4-7',
    () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
          let item: CourseOutcome = deepFreeze(outcome({ id: 'co-prop' }));
          let submissions: readonly Submission[] = [];
          let revokedSinceCertified = false;
          for (const current of steps) {
            const before = item;
            const snapshot = JSON.stringify(before);
            if (current.kind === 'submitRoster') {
              submissions = deepFreeze([
                {
                  category: 'courseOutcome',
                  term: '11201',
                  submittedBy: 'u-teaching',
                  actingAs: 'teaching',
                  submittedOn: '2024-03-01',
                },
              ]);
              continue;
            }
            const actor = ACTORS[current.actor]!;
            if (current.kind !== 'event') {
              const request = {
                item: before,
                items: deepFreeze([before]),
                actor,
                at: current.day,
                submissions,
                window,
              };
              const result = current.kind === 'select' ? selectItem(effective, request) : deselectItem(request);
              expect(JSON.stringify(before)).toBe(snapshot);
              if (result.allowed) {
                expect(submissions).toHaveLength(0);
                expect(actor.studentId).toBe(before.studentId);
                if (current.kind === 'select') {
                  expect(before.state).toBe('certified');
                  expect(revokedSinceCertified).toBe(false);
                }
                item = deepFreeze(result.item as CourseOutcome);
              } else {
                expect(result.findings.some((finding) => finding.severity === 'error')).toBe(true);
              }
              continue;
            }
            const result = transition(before, current.event, actor, current.day, {
              effective,
              unavailable: current.unavailable,
              submissions,
              window,
            });
            expect(JSON.stringify(before)).toBe(snapshot);
            if (!result.ok) {
              expect(result.findings.some((finding) => finding.severity === 'error')).toBe(true);
              continue;
            }
            const type = current.event.type;
            // Once the roster is submitted, the student side is locked (seed 002, 4-2 item 4).
            if (['edit', 'submit', 'withdraw'].includes(current.event.type)) expect(submissions).toHaveLength(0);
            // No student edit (or withdrawal) of a certified or submitted item succeeds.
            if (type === 'edit' || type === 'withdraw') expect(['draft', 'rejected']).toContain(before.state);
            // No item is certified without an authorised certifier, and only within the window.
            if (type === 'certify' || type === 'reject' || type === 'revoke') {
              expect(mayCertify(before, actor, current.unavailable)).toBe(true);
              expect(current.day >= window.opens && current.day <= window.closes).toBe(true);
            }
            if (type === 'certify') expect(result.item.certifiedBy).toBe(actor.id);
            // Every rejection has a reason.
            if (type === 'reject') expect(result.events[0]?.reason?.trim()).toBeTruthy();
            if (result.item.state === 'rejected') expect(result.item.rejectionReason?.trim()).toBeTruthy();
            // Only certified items stay selected.
            if (result.item.selected) expect(result.item.state).toBe('certified');
            if (type === 'revoke') revokedSinceCertified = true;
            if (type === 'certify') revokedSinceCertified = false;
            expect(result.events).toHaveLength(1);
            expect(result.events[0]).toMatchObject({
              itemId: before.id,
              actor: actor.id,
              from: before.state,
              to: result.item.state,
            });
            item = deepFreeze(result.item);
          }
        }),
        { seed: 42, numRuns },
      );
    },
    timeout,
  );

  it('reaches every state and both deputies, so the properties are not vacuous', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let item: CourseOutcome = outcome({ id: 'co-reach' });
        for (const current of steps) {
          if (current.kind !== 'event') continue;
          const result = transition(item, current.event, ACTORS[current.actor]!, current.day, {
            effective,
            unavailable: current.unavailable,
            window,
          });
          if (result.ok) {
            item = result.item;
            seen.add(`${current.event.type}:${item.state}`);
            if (result.events[0]?.actingAs && result.events[0].actingAs !== 'courseTeacher')
              seen.add(`deputy:${result.events[0].actingAs}`);
          }
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'certify:certified',
        'reject:rejected',
        'revoke:draft',
        'submit:submitted',
        'edit:draft',
        'reassign:submitted',
        'deputy:departmentTeacher',
        'deputy:domainTeacher',
      ]),
    );
  }, 60_000);
});
