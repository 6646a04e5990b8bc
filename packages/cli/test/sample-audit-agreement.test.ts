import {
  type AuditResult,
  createAudit,
  type DatasetRecord,
  type FindingBase,
  type Resolution,
} from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { asOfFor, defaultYear, planFrom, type SamplePlan, type ViolationCounts } from '../src/sample';
import { BUNDLED_PACKS as PACKS, resolveBundled as resolve, sampleRecords } from './bundled-samples';

const STUDENTS = 400;

/** Which audit finding counts each injected kind, in the unit the generator counts it in. */
const CODE_OF: Readonly<Record<keyof ViolationCounts, string>> = {
  courseOutcomeOverUpload: 'PR3001',
  diversePerformanceOverUpload: 'PR3001',
  courseOutcomeOverSelection: 'PR3002',
  diversePerformanceOverSelection: 'PR3002',
  selectedUncertified: 'PR4010',
  lateCertification: 'PR6003',
  overdueCertification: 'PR7800',
  rejectedWithoutReason: 'PR4003',
  unresolvedDispute: 'PR7012',
  deletionBeforeSealEnds: 'PR7500',
  missingMeeting: 'PR7520',
  shortReceiptPeriod: 'PR7010',
  wrongSubmittingUnit: 'PR7001',
  finalBeforeLatestRound: 'PR7013',
};

const sample = (plan: SamplePlan, violations: number) =>
  sampleRecords(plan, { students: STUDENTS, seed: 1, schools: 1, violations });

/** One audit per school, as the CLI runs them, as of the generator's documented day, on the sample's own calendar. */
function audit(
  resolution: Resolution,
  plan: SamplePlan,
  records: readonly { record: DatasetRecord; line: number }[],
): AuditResult<FindingBase>[] {
  const audits = new Map<string, ReturnType<typeof createAudit>>();
  for (const { record, line } of records) {
    const school = record.school ?? '';
    let current = audits.get(school);
    if (!current)
      audits.set(
        school,
        (current = createAudit(resolution, { asOf: asOfFor(plan), calendar: plan.calendars, school })),
      );
    current.add(record, { line, column: 1, record: line });
  }
  return [...audits.values()].map((result) => result.finish());
}

/**
 * Findings about the data: core's audit reports only those; the CLI adds the pack's own findings
 * (e.g. Pingrong's documented warnings, Chenggong's duties without an owner, PR5002), left aside here.
 */
const dataFindings = (results: readonly AuditResult<FindingBase>[]): FindingBase[] =>
  results.flatMap((result) => result.findings);

function found(findings: readonly FindingBase[]): ViolationCounts {
  const count = (code: string, where: (data: Readonly<Record<string, unknown>>) => boolean = () => true) =>
    findings.filter((finding) => finding.code === code && where(finding.data)).length;
  // One injected excess can break two limits (the pack's 6 a year and the national 3 a semester before 11101): students, not findings.
  const students = (code: string, kind: string) =>
    new Set(
      findings
        .filter((finding) => finding.code === code && finding.data.kind === kind)
        .map((finding) => finding.subject),
    ).size;
  return {
    courseOutcomeOverUpload: students(CODE_OF.courseOutcomeOverUpload, 'courseOutcome'),
    diversePerformanceOverUpload: students(CODE_OF.diversePerformanceOverUpload, 'diversePerformance'),
    courseOutcomeOverSelection: students(CODE_OF.courseOutcomeOverSelection, 'courseOutcome'),
    diversePerformanceOverSelection: students(CODE_OF.diversePerformanceOverSelection, 'diversePerformance'),
    selectedUncertified: count(CODE_OF.selectedUncertified),
    lateCertification: count(CODE_OF.lateCertification, (data) => data.activity === 'courseOutcomeCertification'),
    overdueCertification: count(CODE_OF.overdueCertification),
    rejectedWithoutReason: count(CODE_OF.rejectedWithoutReason),
    unresolvedDispute: findings
      .filter((finding) => finding.code === CODE_OF.unresolvedDispute)
      .reduce((sum, finding) => sum + (finding.data.students as string[]).length, 0),
    deletionBeforeSealEnds: count(CODE_OF.deletionBeforeSealEnds),
    missingMeeting: count(CODE_OF.missingMeeting),
    shortReceiptPeriod: count(CODE_OF.shortReceiptPeriod),
    wrongSubmittingUnit: count(CODE_OF.wrongSubmittingUnit),
    finalBeforeLatestRound: count(CODE_OF.finalBeforeLatestRound),
  };
}

const summary = (findings: readonly FindingBase[]) =>
  Object.fromEntries(
    [...new Set(findings.map((finding) => `${finding.code} ${finding.severity}`))]
      .sort()
      .map((key) => [key, findings.filter((finding) => `${finding.code} ${finding.severity}` === key).length]),
  );

describe.each(PACKS)('sample and audit agree: %s', { timeout: 60_000 }, (id) => {
  it('clean data (--violations 0) gives no error- or warning-level finding about the data', async () => {
    const resolution = await resolve(id);
    const plan = planFrom(resolution, defaultYear(resolution));
    const { records } = await sample(plan, 0);
    const problems = dataFindings(audit(resolution, plan, records)).filter((finding) => finding.severity !== 'info');
    expect(summary(problems)).toEqual({});
  });

  it('at the default share, the audit counts per code what the generator injected per kind', async () => {
    const resolution = await resolve(id);
    const plan = planFrom(resolution, defaultYear(resolution));
    const { report, records } = await sample(plan, 0.05);
    const findings = dataFindings(audit(resolution, plan, records));
    expect(found(findings)).toEqual(report.violations);
    expect(report.violationsTotal).toBeGreaterThan(0);
  });
});

describe('the agreement is not vacuous', { timeout: 120_000 }, () => {
  it('at a share of 0.3 every kind is injected under some pack, and found as often as injected', async () => {
    const injected = new Set<string>();
    for (const id of PACKS) {
      const resolution = await resolve(id);
      const plan = planFrom(resolution, defaultYear(resolution));
      const { report, records } = await sample(plan, 0.3);
      expect.soft(found(dataFindings(audit(resolution, plan, records))), id).toEqual(report.violations);
      for (const [kind, count] of Object.entries(report.violations)) if (count > 0) injected.add(kind);
    }
    expect([...injected].sort()).toEqual(Object.keys(CODE_OF).sort());
  });
});

describe('the generator follows each pack', () => {
  it("an absent teacher's deputy is the pack's: 新竹 十一(三)2 the registration section (進修部: its academic affairs), 馬公 another teacher, Pingrong nobody", async () => {
    const deputies = async (id: string) => {
      const resolution = await resolve(id);
      const { records } = await sample(planFrom(resolution, defaultYear(resolution)), 0);
      const actors = records.flatMap(({ record }) =>
        record.type === 'courseOutcome' && record.certifiedBy !== undefined && record.certifiedBy !== record.certifier
          ? [record.certifiedBy]
          : [],
      );
      return { count: actors.length, units: [...new Set(actors.filter((actor) => !actor.startsWith('S01-')))] };
    };
    const hsinchu = await deputies('hsinchu-vocational');
    expect(hsinchu.count).toBeGreaterThan(0);
    expect(hsinchu.units.sort()).toEqual(['ceAcademic', 'registration']);
    const magong = await deputies('magong');
    expect(magong.count).toBeGreaterThan(0);
    expect(magong.units).toEqual([]);
    expect((await deputies('pingrong')).count).toBe(0);
  });

  it("the default year lies in the pack's period and the audit day after its windows", async () => {
    const years = await Promise.all(PACKS.map(async (id) => defaultYear(await resolve(id))));
    expect(Object.fromEntries(PACKS.map((id, index) => [id, years[index]]))).toEqual({
      magong: 112,
      'hsinchu-vocational': 112,
      pingrong: 112,
      'taipei-chenggong': 112,
      'vendor-defaults': 110,
      _template: 112,
    });
    const plan = planFrom(await resolve('magong'), 112);
    expect(asOfFor(plan)).toBe('2024-11-30');
  });
});
