import type { AuditResult } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { run } from './run';
import { SarifLog } from './report-sarif-schema';
import { parseXml } from './report-xml';

// The report formats of real audits (the `audit` command on the fixtures), checked against the
// audit's own JSON: the same findings, the same accounting, the same statistics.

const AUDIT = ['audit', 'audit/pack.yaml', '--as-of', '2024-08-01', '--calendar', 'audit/calendar-112.yaml', '--threads', '1'];
const CASES = [
  ['one school', ['--data', 'audit/data.ndjson']],
  ['two schools in one file', ['--data', 'audit/schools.ndjson']],
  ['a corrupt dataset', ['--data', 'dataset/corrupt.ndjson']],
] as const;

const audited = async (data: readonly string[]) => (JSON.parse((await run([...AUDIT, ...data, '--format', 'json'])).stdout) as { audit: AuditResult }).audit;
const schoolsOf = (audit: AuditResult) => (audit.schools && audit.schools.length > 1 ? audit.schools : [audit]);

describe.each(CASES)('the report formats of an audit: %s', (_, data) => {
  it('SARIF: a valid log with a result per finding and per rejected line, and the same intake', async () => {
    const audit = await audited(data);
    const result = await run([...AUDIT, ...data, '--format', 'sarif', '--lang', 'en']);
    const log = SarifLog.parse(JSON.parse(result.stdout));
    const findings = schoolsOf(audit).flatMap((school) => school.findings);
    const codes = log.runs[0]!.results.map((entry) => entry.ruleId);
    expect(codes.length).toBeGreaterThanOrEqual(findings.length);
    for (const finding of findings) expect(codes).toContain(finding.code);
    for (const rejection of audit.intake?.rejections ?? []) expect(codes).toContain(rejection.code);
    const intakes = (log.runs[0]!.properties?.audits as { intake?: { read: number } }[]).flatMap((entry) => (entry.intake ? [entry.intake] : []));
    expect(intakes.map((intake) => intake.read)).toEqual([audit.intake!.read]);
  });


  it('JUnit: well-formed XML, a suite per school, as many failures as error findings and error rejections', async () => {
    const audit = await audited(data);
    const xml = (await run([...AUDIT, ...data, '--format', 'junit', '--lang', 'en'])).stdout;
    const suites = parseXml(xml);
    expect(suites.children).toHaveLength(schoolsOf(audit).length);
    const errors = schoolsOf(audit).flatMap((school) => school.findings).filter((finding) => finding.severity === 'error').length;
    const rejectedErrors = (audit.intake?.rejections ?? []).filter((rejection) => rejection.severity === 'error').length;
    expect(Number(suites.attributes.failures)).toBeGreaterThanOrEqual(errors);
    expect(Number(suites.attributes.failures)).toBeLessThanOrEqual(errors + rejectedErrors);
  });

  it('HTML: the intake line, the statistics of each school and every code found', async () => {
    const audit = await audited(data);
    const html = (await run([...AUDIT, ...data, '--format', 'html', '--lang', 'en'])).stdout;
    const intake = audit.intake!;
    expect(html).toContain(`read ${intake.read} = checked ${intake.checked} + rejected ${intake.rejected}`);
    for (const school of schoolsOf(audit)) {
      const statistics = school.statistics!;
      const total = statistics.school;
      expect(html).toContain(`<tr class="total"><th>School</th><td class="number">${total.students}</td><td class="number">${total.uploaders}</td><td class="number">${(total.uploadRate * 100).toFixed(1)}%</td>`);
      for (const code of Object.keys(statistics.findingsByCode)) expect(html).toContain(`<code>${code}</code>`);
    }
    for (const rejection of intake.rejections) expect(html).toContain(`<td class="number">${rejection.line}</td>`);
  });
});

describe.each([['one school', 'audit/data.ndjson'], ['two schools in one file', 'audit/schools.ndjson']])('SARIF of an audit whose pack has findings of its own: %s', (_, data) => {
  const PINGRONG = '../../../../schools/pingrong/pack.yaml';
  const args = ['audit', PINGRONG, '--as-of', '2024-08-01', '--threads', '1', '--lang', 'en'];

  it("places the pack's own findings once at the pack file, and every finding about the data at the data file", async () => {
    const results = SarifLog.parse(JSON.parse((await run([...args, '--data', data, '--format', 'sarif'])).stdout)).runs[0]!.results;
    const packOnly = (JSON.parse((await run([...args, '--format', 'json'])).stdout) as { audit: AuditResult }).audit.findings;
    expect(packOnly.length).toBeGreaterThan(0);
    const uri = (result: (typeof results)[number]) => result.locations[0]!.physicalLocation.artifactLocation.uri;
    const key = (code: string, subject: unknown) => `${code} ${String(subject)}`;
    const atPack = results.filter((result) => uri(result) === PINGRONG);
    expect(atPack.map((result) => key(result.ruleId, result.properties.subject)).sort()).toEqual(packOnly.map((finding) => key(finding.code, finding.subject)).sort());
    const aboutData = results.filter((result) => uri(result) !== PINGRONG);
    expect(aboutData.length).toBeGreaterThan(0);
    expect(aboutData.every((result) => uri(result) === data)).toBe(true);
    expect(aboutData.filter((result) => !result.locations[0]!.physicalLocation.region).every((result) => result.locations[0]!.logicalLocations?.[0]?.name === result.properties.subject)).toBe(true);
  });

  it('lists the pack once in the run, without data', async () => {
    const log = SarifLog.parse(JSON.parse((await run([...args, '--format', 'sarif'])).stdout));
    expect(log.runs[0]!.properties?.audits).toEqual([{ pack: expect.objectContaining({ id: 'pingrong' }), asOf: '2024-08-01' }]);
    expect(log.runs[0]!.results.every((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === PINGRONG)).toBe(true);
  });
});
