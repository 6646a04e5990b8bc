/**
 * The engine and the audit never disagree, in the manner of zod's compile-differential test: fast-check
 * drives the `sample` generator (seed, school pack, share of violations, size), the dataset is audited
 * as the CLI audits it, and every record is replayed through the engine in date order
 * (differential/replay.ts). The engine's refusals and the audit's findings must be the same set of
 * (code, subject, term) for every rule both judge.
 *
 * Events the generator never writes are added: changes after a final submission
 * (differential/after-final.ts) and reassignments and late submissions (differential/events.ts), which
 * the replay asks as transitions by an administrator and by the student.
 *
 * DIFF_RUNS sets the number of generated datasets (default 200: the test command; bench/README.md
 * records a longer run), DIFF_SEED fast-check's seed.
 */
import { createAudit, type Finding } from '@portfolio-rules/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfFor, defaultYear, planFrom } from '../src/sample';
import { BUNDLED_PACKS, resolveBundled, sampleRecords } from './bundled-samples';
import { changedAfterFinal } from './differential/after-final';
import { withEvents } from './differential/events';
import { replay } from './differential/replay';

const numRuns = Number(process.env.DIFF_RUNS ?? 200);

/**
 * The codes compared: every rule the engine decides on a request that the audit judges from the
 * data. Left out, each for its reason:
 * - PR3003 (the last slot), PR4009 (certified by a deputy), PR6004 (closing soon): advice to the
 *   person acting, not a finding about the data (the audit reports PR4009 as info);
 * - PR7004: the lock of a submitted roster on the student side. The engine refuses what a student
 *   asks after it; the audit does not judge the student side between the roster and the final
 *   submission — the records carry no date for a selection. Not passed to the replay's item requests.
 * - PR7002 (submitted twice): every round the data records is a resubmission the school made (the
 *   replay gives each its correction); the audit does not judge why.
 * PR7014 on items is compared as the audit reads a change: a record's own days (uploadedOn,
 * certifiedOn) and its certification events' (certify, reject, revoke, each also judged against the
 * certification window, PR6003; submit and reassign, which no window binds); differential/after-final.ts
 * moves the records' days and adds certifications revoked after the final submission,
 * differential/events.ts adds reassignments (before a decision or on its day, and after the final
 * submission) and drafts submitted after it.
 * PR4002 after a reassignment (更換認證教師): each decision is judged against the teacher assigned on
 * its day — the record's certifier, from a reassignment's day the teacher it names, on that day both
 * (the records give days, not hours). differential/events.ts has the teacher replaced go on deciding,
 * the new teacher decide before the reassignment, and reassignments on a decision's own day.
 * - PR7800 (still pending after the window), PR7012's school-level count, PR75xx governance and
 *   retention, PR78xx: judged over the whole data as of the audit day, no request decides them.
 */
const COMPARED = new Set([
  'PR3001',
  'PR3002',
  'PR3010',
  'PR3011',
  'PR3012',
  'PR3013',
  'PR3014',
  'PR4002',
  'PR4003',
  'PR4010',
  'PR6002',
  'PR6003',
  'PR6100',
  'PR7001',
  'PR7010',
  'PR7012',
  'PR7013',
  'PR7014',
]);

const packs = new Map(
  await Promise.all(
    BUNDLED_PACKS.map(async (id) => {
      const resolution = await resolveBundled(id);
      return [id, { resolution, plan: planFrom(resolution, defaultYear(resolution)) }] as const;
    }),
  ),
);

async function sample(
  id: string,
  seed: number,
  students: number,
  violations: number,
  late: readonly number[],
  events: readonly number[],
) {
  const { resolution, plan } = packs.get(id)!;
  const { records } = await sampleRecords(plan, { students, seed, schools: 1, violations });
  const changed = withEvents(
    changedAfterFinal(
      records.map(({ record }) => record),
      late,
    ),
    events,
  );
  return { resolution, plan, records: changed, asOf: asOfFor(plan) };
}

/**
 * The (code, subject, term) a finding is compared by. Caps: the student, the period and the kind
 * (the engine refuses an item, the audit names the student). A change after the final submission:
 * the student, the term and the category (the engine refuses each change, the audit names the latest).
 * An item's findings: the item. A submission's: its category and term. A custom rule's: the rule and
 * its subject.
 */
function keyOf(finding: Finding, studentOf: (item: string) => string | undefined): string {
  const { code, data } = finding;
  if (code === 'PR3001' || code === 'PR3002')
    return `${code} ${studentOf(finding.subject) ?? finding.subject} ${String(data.period)} ${String(data.kind)}`;
  const student = studentOf(finding.subject);
  if (code === 'PR7014' && student !== undefined)
    return `${code} ${student} ${String(data.term)} ${String(data.category)}`;
  if (code === 'PR7001' || code === 'PR7010' || code === 'PR7013' || code === 'PR7014') {
    // The audit names a submission's findings <category>:<term>:<stage>; so does the replay.
    const [category, term] = finding.subject.split(':');
    return `${code} ${category}:${term}`;
  }
  if (code === 'PR6100') return `${code} ${finding.rule} ${finding.subject}`;
  return `${code} ${finding.subject}`;
}

describe('engine and audit — differential (fast-check over generated datasets)', () => {
  it(
    'the engine refuses exactly what the audit reports, for every rule both judge',
    async () => {
      const seen = new Set<string>();
      const added = { reassign: 0, submit: 0, offDay: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            pack: fc.constantFrom(...BUNDLED_PACKS),
            seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
            students: fc.integer({ min: 3, max: 40 }),
            violations: fc.oneof(
              fc.constant(0),
              fc.integer({ min: 1, max: 80 }).map((percent) => percent / 100),
            ),
            // Changes after a final submission, which the generator never writes (differential/after-final.ts).
            late: fc.oneof(fc.constant([]), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
            // Reassignments and submissions the generator never writes (differential/events.ts).
            events: fc.oneof(fc.constant([]), fc.array(fc.nat(), { minLength: 1, maxLength: 4 })),
          }),
          async ({ pack, seed, students, violations, late, events }) => {
            const { resolution, plan, records, asOf } = await sample(pack, seed, students, violations, late, events);
            const uploaded = new Map(
              records.flatMap((record) => (record.type === 'courseOutcome' ? [[record.id, record.uploadedOn]] : [])),
            );
            for (const record of records)
              if (record.type === 'certificationEvent')
                if (record.event === 'reassign') added.reassign++;
                else if (record.event === 'submit' && record.on !== uploaded.get(record.itemId)) added.submit++;
            const audit = createAudit(resolution, { asOf, calendar: plan.calendars });
            records.forEach((record, index) => audit.add(record, { line: index + 1, column: 1, record: index + 1 }));
            const audited = audit.finish().findings;
            const replayed = replay(resolution, plan.calendars, records, asOf);
            added.offDay += replayed.offDay;
            const studentOf = (item: string) => replayed.items.get(item)?.studentId;
            // A field the data leaves out is not known to be empty: the audit judges only what a record carries.
            const carried = (finding: Finding) => {
              const item = replayed.items.get(finding.subject);
              if (finding.code === 'PR3013') return item?.summary !== undefined;
              if (finding.code === 'PR3014') return item?.files !== undefined;
              return true;
            };
            const keys = (findings: readonly Finding[]) =>
              [
                ...new Set(
                  findings
                    .filter((finding) => COMPARED.has(finding.code) && carried(finding))
                    .map((finding) => keyOf(finding, studentOf)),
                ),
              ].sort();
            const expected = keys(audited);
            expect(
              keys(replayed.findings),
              `${pack} seed ${seed}, ${students} students, share ${violations}, late ${late.join(',')}, events ${events.join(',')}`,
            ).toEqual(expected);
            for (const key of expected) seen.add(key.split(' ')[0]!);
          },
        ),
        { numRuns, seed: Number(process.env.DIFF_SEED ?? 13) },
      );
      // Not vacuous: reassignments, decisions by a teacher replaced or not yet assigned, and late
      // submissions were replayed, the datasets break every rule the generator injects, and both sides saw it.
      expect(added.reassign).toBeGreaterThan(0);
      expect(added.offDay).toBeGreaterThan(0);
      expect(added.submit).toBeGreaterThan(0);
      expect([...seen].sort()).toEqual(
        expect.arrayContaining([
          'PR3001',
          'PR3002',
          'PR4003',
          'PR4010',
          'PR6003',
          'PR7001',
          'PR7010',
          'PR7012',
          'PR7013',
          'PR7014',
        ]),
      );
    },
    Math.max(60_000, numRuns * 1_000),
  );
});
