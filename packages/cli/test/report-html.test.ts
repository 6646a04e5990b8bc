import type { AuditResult, FindingBase } from '@portfolio-rules/core';
import { CONTENT_SECURITY_POLICY } from '../src/formatters/html-head';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../src/formatters/html';
import { CHARTED_CLASSES } from '../src/formatters/html/statistics';
import { AUDIT, PACK_ONLY_AUDIT } from './fixtures/audit-result';
import { visibleText } from './visible-text';

const TOOL = { name: 'portfolio-rules', version: '0.0.0-test' };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The text of the page as one line, without the charts' tooltips (`<title>`): what a reader sees. */
const visible = (html: string) => visibleText(html, ['title']).replace(/\s+/g, ' ');

describe('formatHtml', () => {
  const audits = deepFreeze([AUDIT, PACK_ONLY_AUDIT]);
  const en = formatHtml({ audits }, { lang: 'en', tool: TOOL });
  const zh = formatHtml({ audits: [AUDIT] }, { lang: 'zh-TW', tool: TOOL });

  it('is one self-contained page: no script, nothing to fetch, a policy that forbids both', async () => {
    for (const html of [en, zh]) {
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref="(?!#)/i);
      // The only URL is the SVG namespace, which is a name, not a fetch.
      expect(new Set(html.match(/https?:\/\/[^"\s)]+/g))).toEqual(new Set(['http://www.w3.org/2000/svg']));
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
      expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
    }
    expect(zh.startsWith('<!doctype html>\n<html lang="zh-TW">')).toBe(true);
    expect(en.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    await expect(en).toMatchFileSnapshot('__snapshots__/report.html');
    await expect(zh).toMatchFileSnapshot('__snapshots__/report.zh-TW.html');
  });

  it('escapes every piece of data: a message with <script>, a student and a teacher named with markup', () => {
    const marked = formatHtml(
      {
        audits: [
          {
            ...AUDIT,
            findings: [
              {
                ...AUDIT.findings[0]!,
                code: 'PR7500',
                subject: '<b>S9</b>',
                data: { studentId: '<i>S9</i>' },
                message: { 'zh-TW': '<script>alert("x")</script> & \'引號\'', en: '<script>' },
              },
            ],
          },
        ],
      },
      { lang: 'zh-TW', tool: TOOL },
    );
    expect(marked).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引號&#39;');
    expect(marked).toContain('<td>&lt;i&gt;S9&lt;/i&gt;</td><td><code>&lt;b&gt;S9&lt;/b&gt;</code></td>');
    expect(marked).not.toMatch(/<script|<b>S9|<i>S9/);
    expect(zh).toContain('<td>T&lt;b&gt;&amp;amp;</td>');
    expect(zh).toContain('Unexpected token } &lt;&amp;&quot;&#39;&gt;');
    const withMarkupInNames = formatHtml(
      {
        audits: [
          {
            ...AUDIT,
            pack: { id: '"><svg onload=x>', name: '<i>n</i>', school: '</title><b>', file: 'a"b.yaml' },
            asOf: '<asOf>',
          },
        ],
      },
      { lang: 'en', tool: { name: '<tool>', version: '"1"' } },
    );
    expect(withMarkupInNames).not.toMatch(/<svg onload|<i>n|<\/title><b>|<asOf>|<tool>/);
  });

  it('shows the header, the summary and read = checked + rejected', () => {
    const text = visible(zh);
    expect(text).toContain('學習歷程檔案稽核報告：國立馬公高級中學 (magong)');
    expect(text).toContain(
      '補充規定 馬公高中學習歷程檔案作業補充規定 (magong) 學校 國立馬公高級中學 規定檔 schools/magong/pack.yaml 稽核基準日 113年1月31日 全國規定版本',
    );
    expect(text).toContain('(national@2022-08-01)');
    // 2 errors and 1 info among the findings, 1 error and 1 warning among the rejected lines.
    expect(text).toContain('3 錯誤 1 警告 1 提示');
    expect(text).toContain('讀取 12 行 = 檢查 10 行 + 退回 2 行');
    expect(visible(en)).toContain('3 errors 1 warnings 1 info read 12 = checked 10 + rejected 2');
  });

  it('draws the statistics: upload rates per grade and class, certification states; and tables them', () => {
    const text = visible(en);
    for (const bar of [
      'Grade 1 80.0% (4/5)',
      'Grade 2 66.7% (2/3)',
      '101 100.0% (3/3)',
      '102 50.0% (1/2)',
      '201 66.7% (2/3)',
    ])
      expect(text).toContain(bar);
    // A bar's length is its rate: 80% of the plot's 424 pixels.
    expect(en).toContain('<rect class="rate" x="150" y="4" width="339.2" height="18">');
    // The certification stack of the school: 5 draft, 7 submitted, 16 certified, 2 rejected of 30.
    expect(text).toContain('School 5 7 16 2 30 Grade 1 3 4 10 18');
    expect(en).toContain('<title>School certified: 16</title>');
    expect(text).toContain('Grade 1 5 4 80.0% 18 12 6.00 3 4 10 1 5 8 7');
    expect(text).toContain('102 2 1 50.0% 7 5 6.00 2 1 4 0 2 3 3');
    expect(text).toContain('School 8 6 75.0% 30 21 6.38 5 7 16 2 9 14 11');
    expect(text).toContain('Overdue certifications by teacher Teacher Overdue 王老師 4 T<b>&amp; 1');
  });

  it('groups the findings by rule, most severe first, each with its clauses and layers; lists rejected lines with their line numbers', () => {
    const text = visible(en);
    const order = ['PR2002', 'PR3002', 'PR3003'].map((code) => en.indexOf(`id="school-1-${code}"`));
    expect(order.every((at, index) => at > 0 && (index === 0 || at > order[index - 1]!))).toBe(true);
    expect(text).toContain(
      'error PR2002 Loosens a national maximum loosens-national-maximum · 1 found Clause: 馬公補充規定 五(三)1 · Layer: school:magong',
    );
    expect(text).toContain(
      'schools/magong/pack.yaml:14:12 — caps.courseOutcome.upload.max the course-outcome upload cap of 8',
    );
    expect(text).toContain(
      'data.ndjson:7 S0007 in academic year 112 (2023–24), 11 diverse performances were selected, over the cap of 10 per academic year',
    );
    expect(text).toContain(
      'Rejected input lines PR8001 1 · PR8009 1 Data file Line Code Reason data.ndjson 3 error PR8001 bad-json line 3 is not valid JSON',
    );
    expect(text).toContain('data.ndjson 9 warning PR8009 blank-line line 9 is blank');
  });

  it('puts several schools in one page with a table of contents; a school audited without data says so', () => {
    expect(en).toContain(
      '<li><a href="#school-1">國立馬公高級中學 (magong)</a></li>\n<li><a href="#school-2">pingrong</a></li>',
    );
    const second = visible(en.slice(en.indexOf('id="school-2"')));
    expect(second).toContain('0 errors 1 warnings 0 info This audit had no data: only the pack itself was checked.');
    expect(second).toContain(
      'Where Student Subject Message Clause Layer — duties.certify the principal is the last-resort deputy of 5 duties',
    );
    expect(second).not.toContain('Statistics');
    expect(second).not.toContain('Rejected input lines');
  });

  it("names the data's school in the contents and the header when one pack's data holds several schools", () => {
    const html = formatHtml(
      {
        audits: [
          { ...AUDIT, school: '013301' },
          { ...PACK_ONLY_AUDIT, pack: AUDIT.pack, school: '013302' },
        ],
      },
      { lang: 'zh-TW', tool: TOOL },
    );
    expect(html).toContain(
      '<li><a href="#school-1">013301 · 國立馬公高級中學 (magong)</a></li>\n<li><a href="#school-2">013302 · 國立馬公高級中學 (magong)</a></li>',
    );
    expect(visible(html)).toContain('學校 國立馬公高級中學 資料中的學校代碼 013302 規定檔');
  });

  it('charts every class up to CHARTED_CLASSES, beyond that the 30 with the lowest upload rate; the table keeps them all', () => {
    const group = AUDIT.statistics!.byClass['101']!;
    const count = CHARTED_CLASSES + 1;
    // Class c has c uploaders of 100 students: class 1 has the lowest rate, class 61 the highest.
    const byClass = Object.fromEntries(
      Array.from({ length: count }, (_, index) => [
        `C${index + 1}`,
        { ...group, students: 100, uploaders: index + 1, uploadRate: (index + 1) / 100 },
      ]),
    );
    const html = formatHtml(
      { audits: [{ ...AUDIT, statistics: { ...AUDIT.statistics!, byClass } }] },
      { lang: 'en', tool: TOOL },
    );
    // More than OPEN_CLASSES classes: the class chart and table are collapsed, to be opened on demand.
    expect(html).toContain(
      '<details class="classes"><summary>Upload rates and figures by class (61 classes, click to show)</summary>',
    );
    const chart = html.slice(html.indexOf('<details class="classes">'), html.indexOf('<h4>By class'));
    expect(chart).toContain('Upload rate by class: the 30 lowest of 61 classes (every class is in the table below)');
    expect(chart.match(/<g class="bar">/g)).toHaveLength(30);
    expect(chart).toContain('C30: 30.0% (30/100)');
    expect(chart).not.toContain('C31:');
    const table = html.slice(html.indexOf('<h4>By class'));
    expect(table).toContain('<th>C61</th>');
  });

  it('lists at most findingsPerRule findings of one code and counts the rest', () => {
    const finding = AUDIT.findings[1]!;
    const many: AuditResult<FindingBase> = {
      ...PACK_ONLY_AUDIT,
      findings: [1, 2, 3, 4].map((n) => ({ ...finding, subject: `S000${n}` })),
    };
    const text = visible(formatHtml({ audits: [many] }, { lang: 'zh-TW', tool: TOOL, findingsPerRule: 3 }));
    expect(text).toContain('S0003');
    expect(text).not.toContain('S0004');
    expect(text).toContain('已達勾選件數上限 select-cap-reached · 4 件');
    expect(text).toContain('另有 1 件未列出');
  });

  it('reads top-down: the summary with counts by severity and by rule, the contents, then findings, rejected lines, statistics', () => {
    const at = (marker: string) => {
      const index = zh.indexOf(marker);
      expect(index, marker).toBeGreaterThan(0);
      return index;
    };
    const order = [
      '<h3 id="school-1-summary">摘要</h3>',
      '讀取 12 行 = 檢查 10 行 + 退回 2 行',
      '<h4>各規則問題件數</h4>',
      '<nav class="toc">',
      '<h3 id="school-1-findings">',
      '<h3 id="school-1-rejections">',
      '<h3 id="school-1-statistics">',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each rule of the summary links to its findings, with its count and clauses.
    expect(visible(zh)).toContain(
      '各規則問題件數 等級 規則 件數 依據 錯誤 PR2002 放寬了全國上限 1 馬公補充規定 五(三)1 錯誤 PR3002 已達勾選件數上限 1 馬公補充規定 五(四) 提示 PR3003 此件為上限內最後一件 1 作業要點 五(二)',
    );
    for (const code of ['PR2002', 'PR3002', 'PR3003']) expect(zh).toContain(`<a href="#school-1-${code}">`);
    expect(zh).toContain(
      '<li><a href="#school-1-summary">摘要</a></li><li><a href="#school-1-findings">問題 (依規則)</a></li><li><a href="#school-1-rejections">退回的資料行</a></li><li><a href="#school-1-statistics">統計</a></li>',
    );
  });

  it('collapses info findings; errors and warnings stay open, each rule headed by its count and clause', () => {
    expect(zh).toMatch(
      /<details class="rule" id="school-1-PR3003"><summary class="rule-head">.*PR3003.*1 件.*\(點選展開\)<\/span><\/summary>\n<p class="cites">依據：作業要點 五\(二\)/,
    );
    expect(zh).toContain('<section class="rule" id="school-1-PR3002">\n<h4 class="rule-head">');
    expect(zh).not.toMatch(/<details[^>]*PR300[12]/);
  });

  it('words each finding for an audit: past tense for caps, terms and dates in words, the student named, the layer filled', () => {
    const finding = (code: string, data: Record<string, unknown>, message = '', layer?: string): FindingBase => ({
      code,
      severity: 'error',
      rule: code.startsWith('PR30') ? 'caps.upload' : 'audit.rule',
      subject: 'S01-000503',
      message: { 'zh-TW': message, en: message },
      source: { document: '作業要點', clause: '五(二)' },
      ...(layer !== undefined && { layer }),
      data,
    });
    const audit: AuditResult<FindingBase> = {
      ...PACK_ONLY_AUDIT,
      asOf: '2024-11-30',
      findings: [
        finding(
          'PR3001',
          { kind: 'diversePerformance', max: 15, per: 'academicYear', count: 17, period: '112' },
          '',
          'school:magong',
        ),
        finding(
          'PR3001',
          { kind: 'courseOutcome', max: 6, per: 'semester', count: 7, period: '11201' },
          '',
          'school:magong',
        ),
        finding('PR7500', { studentId: 'S01-G00028' }, '於 2020-06-30 畢業，卻於 2023-10-27 刪除；11201 起'),
      ],
    };
    const zhText = visible(formatHtml({ audits: [audit] }, { lang: 'zh-TW', tool: TOOL }));
    expect(zhText).toContain('S01-000503 112學年度已上傳 17 件多元表現，超過每學年上限 15 件');
    expect(zhText).toContain('S01-000503 112學年度第1學期已上傳 7 件課程學習成果，超過每學期上限 6 件');
    // The engine's live wording ("不能再上傳") and raw term codes and ISO dates are not shown.
    expect(zhText).toContain(
      'S01-G00028 S01-000503 於 109年6月30日 畢業，卻於 112年10月27日 刪除；112學年度第1學期 起',
    );
    expect(zhText).not.toMatch(/不能再上傳|11201|2020-06-30/);
    // A finding judged by the national rules without a layer of its own: the national version in force.
    expect(zhText).toContain('作業要點 五(二) national@2022-08-01');
    const enText = visible(formatHtml({ audits: [audit] }, { lang: 'en', tool: TOOL }));
    expect(enText).toContain(
      'in semester 1 of academic year 112 (2023–24), 7 course outcomes were uploaded, over the cap of 6 per semester',
    );
    expect(enText).toContain('於 30 June 2020 畢業');
  });
});
