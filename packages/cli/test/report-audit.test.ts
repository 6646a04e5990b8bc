import type { AuditResult, FindingBase } from '@portfolio-rules/core';
import { auditName, specOf } from '../src/formatters/checked';
import { auditWording, studentOf } from '../src/formatters/html/wording';
import { describe, expect, it } from 'vitest';
import { run } from './run';
import { SarifLog } from './report-sarif-schema';
import { parseXml } from './report-xml';
import { containing } from '../../core/test/matchers';

// The report formats of real audits (the `audit` command on the fixtures), checked against the
// audit's own JSON: the same findings, the same accounting, the same statistics.

const AUDIT = [
  'audit',
  'audit/pack.yaml',
  '--as-of',
  '2024-08-01',
  '--calendar',
  'audit/calendar-112.yaml',
  '--threads',
  '1',
];
const CASES = [
  ['one school', ['--data', 'audit/data.ndjson']],
  ['two schools in one file', ['--data', 'audit/schools.ndjson']],
  ['a corrupt dataset', ['--data', 'dataset/corrupt.ndjson']],
] as const;

const audited = async (data: readonly string[]) =>
  (JSON.parse((await run([...AUDIT, ...data, '--format', 'json'])).stdout) as { audit: AuditResult<FindingBase> })
    .audit;
const schoolsOf = (audit: AuditResult<FindingBase>) =>
  audit.schools && audit.schools.length > 1 ? audit.schools : [audit];

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
    const intakes = (log.runs[0]!.properties?.audits as { intake?: { read: number } }[]).flatMap((entry) =>
      entry.intake ? [entry.intake] : [],
    );
    expect(intakes.map((intake) => intake.read)).toEqual([audit.intake!.read]);
  });

  it('JUnit: well-formed XML, a suite per school, as many failures as error findings and error rejections', async () => {
    const audit = await audited(data);
    const xml = (await run([...AUDIT, ...data, '--format', 'junit', '--lang', 'en'])).stdout;
    const suites = parseXml(xml);
    expect(suites.children).toHaveLength(schoolsOf(audit).length);
    const errors = schoolsOf(audit)
      .flatMap((school) => school.findings)
      .filter((finding) => finding.severity === 'error').length;
    const rejectedErrors = (audit.intake?.rejections ?? []).filter(
      (rejection) => rejection.severity === 'error',
    ).length;
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
      expect(html).toContain(
        `<tr class="total"><th>School</th><td class="number">${total.students}</td><td class="number">${total.uploaders}</td><td class="number">${(total.uploadRate * 100).toFixed(1)}%</td>`,
      );
      for (const code of Object.keys(statistics.findingsByCode)) expect(html).toContain(`<code>${code}</code>`);
    }
    for (const rejection of intake.rejections) expect(html).toContain(`<td class="number">${rejection.line}</td>`);
  });
});

describe.each([
  ['one school', 'audit/data.ndjson'],
  ['two schools in one file', 'audit/schools.ndjson'],
])('SARIF of an audit whose pack has findings of its own: %s', (_, data) => {
  const PINGRONG = '../../../../schools/pingrong/pack.yaml';
  const args = ['audit', PINGRONG, '--as-of', '2024-08-01', '--threads', '1', '--lang', 'en'];

  it("places the pack's own findings once at the pack file, and every finding about the data at the data file", async () => {
    const results = SarifLog.parse(JSON.parse((await run([...args, '--data', data, '--format', 'sarif'])).stdout))
      .runs[0]!.results;
    const packOnly = (
      JSON.parse((await run([...args, '--format', 'json'])).stdout) as { audit: AuditResult<FindingBase> }
    ).audit.findings;
    expect(packOnly.length).toBeGreaterThan(0);
    const uri = (result: (typeof results)[number]) => result.locations[0]!.physicalLocation.artifactLocation.uri;
    const key = (code: string, subject: unknown) => `${code} ${String(subject)}`;
    const atPack = results.filter((result) => uri(result) === PINGRONG);
    expect(atPack.map((result) => key(result.ruleId, result.properties.subject)).sort()).toEqual(
      packOnly.map((finding) => key(finding.code, finding.subject)).sort(),
    );
    const aboutData = results.filter((result) => uri(result) !== PINGRONG);
    expect(aboutData.length).toBeGreaterThan(0);
    expect(aboutData.every((result) => uri(result) === data)).toBe(true);
    expect(
      aboutData
        .filter((result) => !result.locations[0]!.physicalLocation.region)
        .every((result) => result.locations[0]!.logicalLocations?.[0]?.name === result.properties.subject),
    ).toBe(true);
  });

  it('lists the pack once in the run, without data', async () => {
    const log = SarifLog.parse(JSON.parse((await run([...args, '--format', 'sarif'])).stdout));
    expect(log.runs[0]!.properties?.audits).toEqual([{ pack: containing({ id: 'pingrong' }), asOf: '2024-08-01' }]);
    expect(
      log.runs[0]!.results.every((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === PINGRONG),
    ).toBe(true);
  });
});

describe.each([
  ['one school', 'audit/data.ndjson'],
  ['two schools in one file', 'audit/schools.ndjson'],
])('every format of an audit whose pack has findings of its own: %s', (_, data) => {
  const PINGRONG = '../../../../schools/pingrong/pack.yaml';
  const args = ['audit', PINGRONG, '--as-of', '2024-08-01', '--threads', '1', '--lang', 'en', '--data', data];
  const output = async (format: string) => (await run([...args, '--format', format])).stdout;
  const packFindings = async () =>
    (
      JSON.parse((await run(['audit', PINGRONG, '--as-of', '2024-08-01', '--format', 'json'])).stdout) as {
        audit: AuditResult<FindingBase>;
      }
    ).audit.findings;
  const escape = (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  const occurrences = (text: string, part: string) => text.split(part).length - 1;

  /** The findings of each school's JUnit suite, or HTML section, as `code subject`, in page order. */
  const junitSuites = (xml: string) =>
    parseXml(xml).children.map((suite) => ({
      name: suite.attributes.name!,
      cases: suite.children.filter((child) => child.name === 'testcase').map((testcase) => testcase.attributes.name!),
    }));
  const caseOf = (finding: FindingBase) =>
    [finding.code, specOf(finding.code)?.name, finding.subject].filter(Boolean).join(' ');
  const htmlSections = (html: string) => html.split('<section class="school" ').slice(1);
  /** A finding's row in the HTML report: its student, its subject when it is another, its words. */
  const rowOf = (finding: FindingBase, student = studentOf(finding)) =>
    `</code></td><td>${escape(student ?? '—')}</td><td>${student === finding.subject ? '' : `<code>${escape(finding.subject)}</code>`}</td><td>${escape(auditWording(finding, 'en'))}</td>`;

  it("the pack's findings (PR2005, PR5014 among them) appear once in JUnit, HTML, stylish and JSON", async () => {
    const pack = await packFindings();
    expect(pack.map((finding) => finding.code)).toEqual(expect.arrayContaining(['PR2005', 'PR5014']));
    const suites = junitSuites(await output('junit'));
    const html = await output('html');
    const stylish = await output('stylish');
    const json = (JSON.parse(await output('json')) as { audit: AuditResult<FindingBase> }).audit;
    for (const finding of pack) {
      expect(
        suites.flatMap((suite) => suite.cases).filter((name) => name === caseOf(finding)),
        `JUnit ${caseOf(finding)}`,
      ).toHaveLength(1);
      expect(occurrences(html, rowOf(finding)), `HTML ${caseOf(finding)}`).toBe(1);
      expect(
        occurrences(
          stylish,
          `${finding.code} ${specOf(finding.code)?.name ?? ''}\n  ${finding.message.en}\n`.replace(' \n', '\n'),
        ),
        `stylish ${caseOf(finding)}`,
      ).toBe(1);
      expect(
        json.findings.filter((other) => caseOf(other) === caseOf(finding)),
        `JSON ${caseOf(finding)}`,
      ).toHaveLength(1);
      for (const school of json.schools ?? []) expect(school.findings.map(caseOf)).not.toContain(caseOf(finding));
    }
  });

  it("each school's findings about its data in its own JUnit suite and HTML section", async () => {
    const json = (JSON.parse(await output('json')) as { audit: AuditResult<FindingBase> }).audit;
    const schools = json.schools && json.schools.length > 1 ? json.schools : [];
    const suites = junitSuites(await output('junit'));
    const sections = htmlSections(await output('html'));
    // With several schools, the pack's own findings come first (Pingrong's pack has some), then one suite or section per school.
    expect(suites).toHaveLength(schools.length > 1 ? schools.length + 1 : 1);
    expect(sections).toHaveLength(suites.length);
    if (schools.length > 1)
      expect(sections[0]).toContain(
        `<p class="note">The pack&#39;s own findings; those about the data are under each school.</p>`,
      );
    schools.forEach((school, index) => {
      expect(school.findings.length).toBeGreaterThan(0);
      expect(suites[index + 1]!.name).toBe(auditName(school));
      for (const finding of school.findings) {
        expect(suites[index + 1]!.cases).toContain(caseOf(finding));
        expect(sections[index + 1]).toContain(rowOf(finding));
      }
    });
  });
});
