import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AuditResult, createAudit, type DatasetRecord, parseRecord, validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { iso } from '../sample/days';
import { generateSample } from '../sample/generate';
import { defaultYear, planFrom } from '../sample/plan';
import type { ViolationCounts } from '../sample/violations';

const MAGONG = fileURLToPath(new URL('../../../../schools/magong/pack.yaml', import.meta.url));
const resolution = validatePack(readFileSync(MAGONG, 'utf8'), { file: 'magong/pack.yaml' }).resolution!;
const plan = planFrom(resolution, defaultYear(resolution));

async function sample(students: number, violations: number) {
  const lines: string[] = [];
  const report = await generateSample({ students, seed: 7, schools: 2, violations }, plan, { write: (text) => void lines.push(text) });
  const records = lines.join('').trimEnd().split('\n').map((line, index) => {
    const result = parseRecord(line, index + 1);
    if (!result.ok) throw new Error(result.finding.message.en);
    return { record: result.record, line: index + 1 };
  });
  return { report, records };
}

/** One audit per school, as the CLI runs them, on the day after the sample's last term. */
function auditBySchool(records: readonly { record: DatasetRecord; line: number }[]): AuditResult[] {
  const asOf = iso(Math.max(...[...plan.terms.values()].map((term) => term.end)) + 1);
  const audits = new Map<string, ReturnType<typeof createAudit>>();
  for (const { record, line } of records) {
    const school = record.school ?? '';
    let audit = audits.get(school);
    if (!audit) audits.set(school, (audit = createAudit(resolution, { asOf, calendar: plan.calendars, school })));
    audit.add(record, { line, column: 1, record: line });
  }
  return [...audits.values()].map((audit) => audit.finish());
}

/** What the audit found, in the units the sample counts its injected violations in. */
function found(results: readonly AuditResult[]): ViolationCounts {
  const findings = results.flatMap((result) => result.findings);
  const count = (code: string, where: (data: Readonly<Record<string, unknown>>) => boolean = () => true) => findings.filter((finding) => finding.code === code && where(finding.data)).length;
  const kind = (name: string) => (data: Readonly<Record<string, unknown>>) => data.kind === name;
  return {
    courseOutcomeOverUpload: count('PR3001', kind('courseOutcome')),
    diversePerformanceOverUpload: count('PR3001', kind('diversePerformance')),
    courseOutcomeOverSelection: count('PR3002', kind('courseOutcome')),
    diversePerformanceOverSelection: count('PR3002', kind('diversePerformance')),
    selectedUncertified: count('PR4010'),
    lateCertification: count('PR6003', (data) => data.activity === 'courseOutcomeCertification'),
    overdueCertification: count('PR7800'),
    rejectedWithoutReason: count('PR4003'),
    unresolvedDispute: findings.filter((finding) => finding.code === 'PR7012').reduce((sum, finding) => sum + (finding.data.students as string[]).length, 0),
    deletionBeforeSealEnds: count('PR7500'),
    missingMeeting: count('PR7520'),
    shortReceiptPeriod: count('PR7010'),
    wrongSubmittingUnit: count('PR7001'),
  };
}

describe('the audit finds what the sample injects (馬公 pack)', { timeout: 60_000 }, () => {
  it('finds every injected violation, kind by kind, exactly', async () => {
    const { report, records } = await sample(900, 0.3);
    const counts = found(auditBySchool(records));
    expect(counts).toEqual(report.violations);
    for (const [name, value] of Object.entries(report.violations)) expect.soft(value, name).toBeGreaterThan(0);
  });

  it('finds none of them in clean data', async () => {
    const { records } = await sample(300, 0);
    const counts = found(auditBySchool(records));
    expect(Object.values(counts).every((value) => value === 0)).toBe(true);
  });
});
