import { describe, expect, it } from 'vitest';
import { formatSarif } from '../src/formatters/sarif';
import { AUDIT, PACK_ONLY_AUDIT } from './fixtures/audit-result';
import { SarifLog } from './report-sarif-schema';

const TOOL = { name: 'portfolio-rules', version: '0.0.0-test' };

const parse = (text: string) => SarifLog.parse(JSON.parse(text));

describe('formatSarif', () => {
  it('writes a SARIF 2.1.0 log: one result per finding and per rejected line, rules from the catalogue', async () => {
    const text = formatSarif({ audits: [AUDIT] }, { lang: 'en', tool: TOOL });
    const log = parse(text);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['PR2002', 'PR3002', 'PR3003', 'PR8001', 'PR8009']);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'PR2002',
      name: 'loosens-national-maximum',
      shortDescription: { text: 'Loosens a national maximum' },
      fullDescription: { text: '放寬了全國上限 / Loosens a national maximum' },
      help: { text: 'docs/codes/PR2002.md', markdown: '[PR2002 loosens-national-maximum](docs/codes/PR2002.md)' },
      defaultConfiguration: { level: 'error' },
    });
    expect(
      run.results.map((result) => [
        result.ruleId,
        result.level,
        result.locations?.[0]?.physicalLocation.region?.startLine,
      ]),
    ).toEqual([
      ['PR2002', 'error', 14],
      ['PR3002', 'error', 7],
      ['PR3003', 'note', 4],
      ['PR8001', 'error', 3],
      ['PR8009', 'warning', 9],
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run.results[0]).toMatchObject({
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'schools/magong/pack.yaml' },
            region: { startLine: 14, startColumn: 12 },
          },
        },
      ],
      properties: {
        rule: 'layering.bounds',
        subject: 'caps.courseOutcome.upload.max',
        source: { document: '馬公補充規定', clause: '五(三)1' },
        layer: 'school:magong',
        school: 'magong',
        data: { value: 8, bound: 6 },
      },
    });
    expect(run.properties).toEqual({
      audits: [{ pack: AUDIT.pack, asOf: '2024-01-31', intake: { read: 12, checked: 10, rejected: 2, unlisted: 0 } }],
    });
    await expect(text).toMatchFileSnapshot('__snapshots__/report.sarif');
  });

  it('points findings about the data at the data file and line, never at the pack file; those without a position name their subject', () => {
    const capped = { ...AUDIT.findings[1]!, code: 'PR3001', subject: 'S0009' };
    delete (capped as { position?: unknown }).position;
    const unplaced = { ...AUDIT.findings[2]!, position: { line: 5, column: 1, record: 5 } };
    const audit = { ...AUDIT, findings: [...AUDIT.findings, capped, unplaced] };
    const results = parse(formatSarif({ audits: [audit], data: 'exports/data.ndjson' }, { lang: 'en', tool: TOOL }))
      .runs[0]!.results;
    const at = (code: string, subject: string) =>
      results.find((result) => result.ruleId === code && result.properties.subject === subject)!.locations;
    expect(at('PR2002', 'caps.courseOutcome.upload.max')).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'schools/magong/pack.yaml' },
          region: { startLine: 14, startColumn: 12 },
        },
      },
    ]);
    expect(at('PR3002', 'S0007')).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'data.ndjson' }, region: { startLine: 7, startColumn: 1 } } },
    ]);
    expect(at('PR3001', 'S0009')).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'exports/data.ndjson' } },
        logicalLocations: [{ name: 'S0009', fullyQualifiedName: 'magong/S0009' }],
      },
    ]);
    expect(
      results.filter((result) => result.ruleId === 'PR3003').map((result) => result.locations[0]!.physicalLocation),
    ).toContainEqual({ artifactLocation: { uri: 'exports/data.ndjson' }, region: { startLine: 5, startColumn: 1 } });
    const onPack = results.filter((result) =>
      result.locations.some((where) => where.physicalLocation.artifactLocation.uri === 'schools/magong/pack.yaml'),
    );
    expect(onPack.map((result) => result.ruleId)).toEqual(['PR2002']);
  });

  it('without the data path, places a finding about the data at the file its other findings and rejected lines name', () => {
    const capped = { ...AUDIT.findings[1]!, code: 'PR3001', subject: 'S0009' };
    delete (capped as { position?: unknown }).position;
    const results = parse(formatSarif({ audits: [{ ...AUDIT, findings: [capped] }] }, { lang: 'en', tool: TOOL }))
      .runs[0]!.results;
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('data.ndjson');
  });

  it('writes the messages and short descriptions in the chosen language', () => {
    const run = parse(formatSarif({ audits: [AUDIT] }, { lang: 'zh-TW', tool: TOOL })).runs[0]!;
    expect(run.tool.driver.rules[0]?.shortDescription.text).toBe('放寬了全國上限');
    expect(run.results[0]?.message.text).toBe(AUDIT.findings[0]?.message['zh-TW']);
  });

  it('puts several schools in one run and a finding without a position at its pack file, without a region', () => {
    const run = parse(formatSarif({ audits: [AUDIT, PACK_ONLY_AUDIT] }, { lang: 'en', tool: TOOL })).runs;
    expect(run).toHaveLength(1);
    const last = run[0]!.results.at(-1)!;
    expect(last.ruleId).toBe('PR5014');
    expect(last.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'schools/pingrong/pack.yaml' } } }]);
    expect(last.properties).toMatchObject({ school: 'pingrong' });
  });

  it("names the data's school when one pack's data holds several schools", () => {
    const run = parse(
      formatSarif(
        {
          audits: [
            { ...AUDIT, school: '013301' },
            { ...PACK_ONLY_AUDIT, pack: AUDIT.pack, school: '013302' },
          ],
        },
        { lang: 'en', tool: TOOL },
      ),
    ).runs[0]!;
    expect(run.results.map((result) => result.properties.school)).toEqual([
      '013301',
      '013301',
      '013301',
      '013301',
      '013301',
      '013302',
    ]);
    expect((run.properties?.audits as { school?: string }[]).map((audit) => audit.school)).toEqual([
      '013301',
      '013302',
    ]);
  });

  it('does not report a rejected line twice when the audit also lists it among its findings', () => {
    const rejection = AUDIT.intake!.rejections[0]!;
    const asFinding = {
      code: rejection.code,
      severity: rejection.severity,
      rule: 'dataset.parse',
      subject: 'line 3',
      message: rejection.message,
      position: { file: 'data.ndjson', line: 3, column: 1, record: 3 },
      data: {},
    };
    const run = parse(
      formatSarif({ audits: [{ ...AUDIT, findings: [...AUDIT.findings, asFinding] }] }, { lang: 'en', tool: TOOL }),
    ).runs[0]!;
    expect(run.results.filter((result) => result.ruleId === 'PR8001')).toHaveLength(1);
  });

  it('writes absolute paths as file: URIs and keeps a relative path with a colon from reading as a scheme', () => {
    const uris = ['/srv/data/a b.ndjson', 'C:\\data\\x.ndjson', 'c:data.ndjson', 'week#1?.ndjson'].map((file) => {
      const run = parse(
        formatSarif(
          { files: [{ file, findings: [{ ...AUDIT.findings[0]!, position: { line: 1, column: 1 } }] }] },
          { lang: 'en', tool: TOOL },
        ),
      ).runs[0]!;
      return run.results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri;
    });
    expect(uris).toEqual([
      'file:///srv/data/a%20b.ndjson',
      'file:///C:/data/x.ndjson',
      './c:data.ndjson',
      'week%231%3F.ndjson',
    ]);
  });

  it("renders validate's findings per file, percent-encoding file names", () => {
    const finding = AUDIT.findings[0]!;
    const run = parse(
      formatSarif(
        {
          files: [
            { file: 'packs\\學校 A.yaml', findings: [{ ...finding, position: { line: 2, column: 3 } }] },
            { file: 'ok.yaml', findings: [] },
          ],
        },
        { lang: 'en', tool: TOOL },
      ),
    ).runs[0]!;
    expect(run.results).toHaveLength(1);
    expect(run.results[0]?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'packs/%E5%AD%B8%E6%A0%A1%20A.yaml' },
      region: { startLine: 2, startColumn: 3 },
    });
    expect(run.results[0]?.properties).not.toHaveProperty('school');
    expect(run.properties).toBeUndefined();
  });
});
