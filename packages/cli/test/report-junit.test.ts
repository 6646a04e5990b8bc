import { describe, expect, it } from 'vitest';
import { formatJunit } from '../src/formatters/junit';
import { AUDIT, PACK_ONLY_AUDIT } from './fixtures/audit-result';
import { parseXml } from './report-xml';

describe('formatJunit', () => {
  it('writes a suite per school, a case per finding and rejected line, failures for errors with code, message and clause', async () => {
    const xml = formatJunit({ audits: [AUDIT, PACK_ONLY_AUDIT] }, { lang: 'en' });
    const suites = parseXml(xml);
    expect(suites.attributes).toEqual({ name: 'portfolio-rules', tests: '7', failures: '3', errors: '0' });
    const [magong, pingrong] = suites.children;
    expect(magong!.attributes).toMatchObject({
      name: '國立馬公高級中學 (magong)',
      tests: '5',
      failures: '3',
      file: 'schools/magong/pack.yaml',
    });
    expect(magong!.children[0]!.children.map((property) => property.attributes)).toEqual([
      { name: 'asOf', value: '2024-01-31' },
      { name: 'intake', value: 'read 12 = checked 10 + rejected 2' },
    ]);
    const cases = magong!.children.slice(1);
    expect(
      cases.map((testcase) => [testcase.attributes.name, testcase.attributes.line, testcase.children[0]!.name]),
    ).toEqual([
      ['PR2002 loosens-national-maximum caps.courseOutcome.upload.max', '14', 'failure'],
      ['PR3002 select-cap-reached S0007', '7', 'failure'],
      ['PR3003 last-slot S0003', '4', 'system-out'],
      ['PR8001 bad-json data.ndjson:3', '3', 'failure'],
      ['PR8009 blank-line data.ndjson:9', '9', 'system-out'],
    ]);
    const selection = cases[1]!.children[0]!;
    // The message survives escaping exactly: <script>, quotes, ampersand and Chinese text.
    expect(selection.attributes).toEqual({ type: 'PR3002', message: AUDIT.findings[1]!.message.en });
    expect(selection.text).toContain(
      `  ${AUDIT.findings[1]!.message.en}\n  clause: 馬公補充規定 五(四) · school:magong`,
    );
    expect(selection.text.split('\n')[0]).toBe('data.ndjson:7:1  error  PR3002 select-cap-reached');
    expect(cases[3]!.children[0]!.attributes.message).toBe(`line 3 is not valid JSON: Unexpected token } <&"'>`);
    // A school without errors still shows one passing case.
    expect(pingrong!.attributes).toMatchObject({ name: 'pingrong', tests: '2', failures: '0' });
    expect(
      pingrong!.children
        .slice(1)
        .map((testcase) => [testcase.attributes.name, testcase.children.map((child) => child.name)]),
    ).toEqual([
      ['no errors', []],
      ['PR5014 last-resort-overload duties.certify', ['system-out']],
    ]);
    await expect(xml).toMatchFileSnapshot('__snapshots__/report-junit.xml');
  });

  it('writes in Chinese and escapes every attribute and text', async () => {
    const xml = formatJunit({ audits: [AUDIT] }, { lang: 'zh-TW' });
    const suite = parseXml(xml).children[0]!;
    expect(suite.children[0]!.children[1]!.attributes).toEqual({
      name: 'intake',
      value: '讀取 12 行 = 檢查 10 + 退回 2',
    });
    expect(suite.children[2]!.children[0]!.attributes.message).toBe(AUDIT.findings[1]!.message['zh-TW']);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引號&#39;');
    await expect(xml).toMatchFileSnapshot('__snapshots__/report-junit.zh-TW.xml');
  });

  it("names each school's suite by the data's school when one pack's data holds several", () => {
    const suites = parseXml(
      formatJunit(
        {
          audits: [
            { ...AUDIT, school: '013301' },
            { ...PACK_ONLY_AUDIT, pack: AUDIT.pack, school: '013302' },
          ],
        },
        { lang: 'en' },
      ),
    );
    expect(suites.children.map((suite) => suite.attributes.name)).toEqual([
      '013301 · 國立馬公高級中學 (magong)',
      '013302 · 國立馬公高級中學 (magong)',
    ]);
  });

  it("writes a suite per file for validate's findings, a passing case for a clean file, and shows control characters as escapes", () => {
    const finding = {
      ...AUDIT.findings[0]!,
      message: { 'zh-TW': 'x', en: 'bell\u0007 here' },
      position: { line: 2, column: 3 },
    };
    const suites = parseXml(
      formatJunit(
        {
          files: [
            { file: 'a.yaml', findings: [finding] },
            { file: 'b <&>.yaml', findings: [] },
          ],
        },
        { lang: 'en' },
      ),
    );
    expect(
      suites.children.map((suite) => [suite.attributes.name, suite.attributes.tests, suite.attributes.failures]),
    ).toEqual([
      ['a.yaml', '1', '1'],
      ['b <&>.yaml', '1', '0'],
    ]);
    expect(suites.children[0]!.children[0]!.children[0]!.attributes.message).toBe('bell\\x07 here');
    expect(suites.children[0]!.children[0]!.attributes).toMatchObject({ file: 'a.yaml', line: '2' });
  });
});
