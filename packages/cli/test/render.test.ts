import { describe, expect, it } from 'vitest';
import { blocksOf } from '../src/render/table';
import { SEED_001_AMENDMENT_TABLE } from './fixtures/seed-001-amendment';
import { run } from './run';

const ROOT = new URL('../../../', import.meta.url).pathname;
const MAGONG = 'schools/magong/pack.yaml';
const HSINCHU = 'schools/hsinchu-vocational/pack.yaml';

/** The rows of the Markdown tables under a `## heading` or `### heading`, as cells (header and separator left out). */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.search(new RegExp(`^#{2,3} ${heading}$`, 'm'));
  const end = markdown.indexOf('\n#', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .map((line) => line.slice(2, -2).split(' | '))
    .filter((cells, index, all) => index === 0 || cells.join() !== all[0]!.join());
}

/** 馬公 九(三) 代理人名單 as seed 000 prints it: 工作項目, 負責人, 代理順位 1, 代理順位 2. */
const MAGONG_NINE_THREE = [
  ['學習歷程學校平臺', '註冊組', '教學組', '設備組'],
  ['學生基本資料', '註冊組', '特教組', '試務組'],
  ['修課紀錄提交', '註冊組', '試務組', '教學組'],
  ['收訖明細確認', '註冊組', '設備組', '特教組'],
  ['課程學習成果提交', '教學組', '註冊組', '設備組'],
  ['多元表現提交', '訓育組', '生輔組', '活動組'],
  ['幹部記錄登錄及提交', '生輔組', '活動組', '訓育組'],
  ['課程學習成果認證', '任課教師', '科內教師', '領域教師'],
];

describe('portfolio-rules render', () => {
  it("writes Magong's deputy list exactly as 九(三): owner, then deputies 1 and 2, row by row", async () => {
    const result = await run(['render', MAGONG, '--document', 'deputies'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const [header, ...rows] = tableRows(result.stdout, '代理人名單');
    expect(header).toEqual(['工作項目', '負責人', '代理順位 1', '代理順位 2', '依據']);
    expect(rows).toHaveLength(MAGONG_NINE_THREE.length);
    rows.forEach((row, index) => {
      expect(row.slice(1, 4)).toEqual(MAGONG_NINE_THREE[index]!.slice(1));
      expect(row[4]).toBe('九(三)');
    });
    expect(result.stdout).not.toContain('## 作業流程');
  });

  it("writes all of Magong's document in Markdown: its text, its annexes, then the generated tables", async () => {
    const result = await run(['render', MAGONG], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(tableRows(result.stdout, '工作分工表')).toContainEqual(['多元表現提交', '學務處 訓育組', '九(三)']);
    // 作業流程 in the pack's order, dates as the rule writes them.
    const flow = tableRows(result.stdout, '作業流程');
    expect(flow[0]).toEqual(['序號', '作業項目', '年級', '學期', '開始', '截止', '依據']);
    expect(flow).toContainEqual(['3', '課程學習成果上傳', '全年級', '每學期', '—', '休業式後2週', '作業流程 10']);
    expect(flow).toContainEqual(['6', '多元表現上傳', '3年級', '每學期', '—', '4月10日', '作業流程 12']);
    expect(flow).toContainEqual(['5', '多元表現上傳', '1、2年級', '每學期', '—', '學期結束後之8月31日', '作業流程 12']);
    expect(tableRows(result.stdout, '件數規定')).toContainEqual(['課程學習成果', '上傳', '每學期至多 6 件', '五(三)1']);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/render-magong.md');
  });

  it("writes Magong's adoption history as seed 000 prints it, ROC dates and all", async () => {
    const result = await run(['render', MAGONG, '--document', 'text'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').map((line) => line.replace(/\s+/g, ''));
    // Seed 000's header, spaces and leading zeros aside (中華民國 108 年 08月 16日 …).
    for (const seed of [
      '中華民國108年8月16日108年8月份行政會議通過',
      '中華民國108年8月30日108學年度第1學期學生學習歷程檔案工作小組會議通過',
      '中華民國108年8月30日108學年度第1學期期初校務會議通過',
      '中華民國110年11月3日110學年度第1學期學生學習歷程檔案工作小組會議修訂通過',
      '中華民國111年1月18日110學年度第1學期期末校務會議通過',
      // The seed writes the signing first (「111年4月6日修訂簽核、111年06月15日…通過」); the pack keeps it as the meeting's note.
      '中華民國111年6月15日110學年度第2學期期末校務會議通過（111年4月6日修訂簽核）',
    ])
      expect(lines).toContain(seed);
    expect(result.stdout).toContain('本規定自111學年度第1學期起適用。');
    // The clauses in order with their printed numbers, the table of 九(三) under its item, the annexes after them.
    const order = [
      '- 一、本補充規定',
      '  - （三）學習歷程學校平臺運作及管理。',
      '    - 1、學生姓名',
      '      - (2) 由工作小組',
      '    | 工作項目 | 負責人 |',
      '- 十一、本補充規定經校務會議通過後實施，其修正亦同。',
      '## 國立馬公高級中學建置學生學習歷程檔案工作分工表',
      '## 國立馬公高級中學建置學生學習歷程檔案作業流程',
    ];
    const at = order.map((text) => result.stdout.indexOf(text));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(result.stdout).not.toContain('附錄');
  });

  it("writes 新竹's clauses as seed 001 prints them, point by point", async () => {
    const result = await run(['render', HSINCHU, '--document', 'text'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const compact = (text: string) =>
      text.replace(/\s+/g, '').replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');
    // The Markdown without its list markers and escapes, from the first point to the last.
    const rendered = compact(result.stdout.replace(/^\s*- /gm, '').replace(/\\([.\\])/g, '$1'));
    const clauses = rendered.slice(rendered.indexOf('一、本補充規定'));
    // The seed's amendment table quotes the adopted text in its 修正條文 column; it misquotes one
    // phrase of 十(一) (「註冊組、進修部教務組」 for 「註冊組及進修部教務組」, see diff-amendment.test.ts).
    const seed = compact(SEED_001_AMENDMENT_TABLE.map((row) => row.amended).join('')).replace(
      '註冊組、進修部教務組向學生、家長',
      '註冊組及進修部教務組向學生、家長',
    );
    expect(clauses).toBe(seed);
    expect(result.stdout).toContain('    - 1\\. 學生姓名、身分證明號碼及相關學籍資料');
    expect(result.stdout).toContain('      - (1) 若原任課教師已無法協助學生');
  });

  it('prints a merged cell of an annex once: across equal neighbours, down only inside the merge to its left', () => {
    const rows = [
      ['系統維護', '系統維護', '註冊組', '帳號'],
      ['系統維護', '系統維護', '註冊組', '備份'],
      ['學生幹部', '學生幹部', '訓育組', '幹部'],
      ['公共服務', '公共服務', '訓育組', '服務'],
      ['1', 'V', 'V', ''],
      ['2', 'V', 'V', ''],
    ];
    const spans = blocksOf(rows).blocks.map((block) => [
      block.text,
      block.row,
      block.column,
      block.rows,
      block.columns,
    ]);
    expect(spans).toEqual([
      ['系統維護', 0, 0, 2, 2],
      ['註冊組', 0, 2, 2, 1],
      ['帳號', 0, 3, 1, 1],
      ['備份', 1, 3, 1, 1],
      ['學生幹部', 2, 0, 1, 2],
      ['訓育組', 2, 2, 1, 1],
      ['幹部', 2, 3, 1, 1],
      // The same unit under another item is another cell.
      ['公共服務', 3, 0, 1, 2],
      ['訓育組', 3, 2, 1, 1],
      ['服務', 3, 3, 1, 1],
      // Marks and empty cells stand for their own column and row.
      ['1', 4, 0, 1, 1],
      ['V', 4, 1, 1, 1],
      ['V', 4, 2, 1, 1],
      ['', 4, 3, 1, 1],
      ['2', 5, 0, 1, 1],
      ['V', 5, 1, 1, 1],
      ['V', 5, 2, 1, 1],
      ['', 5, 3, 1, 1],
    ]);
  });

  it("writes an annex's merged cells as rowspan and colspan in HTML", async () => {
    const result = await run(['render', MAGONG, '--format', 'html', '--document', 'text'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<th scope="col" colspan="2">項目</th>');
    expect(result.stdout).toContain('<td rowspan="3" colspan="2">課程學習成果</td>');
    expect(result.stdout).toContain('<td rowspan="2">學生基本資料</td><td>學籍資料</td>');
    expect(result.stdout).toContain('<li id="clause-九(三)"><span class="label">（三）</span>');
  });

  it("writes 新竹's two divisions side by side, and each division's deputies designated by the unit head", async () => {
    const result = await run(['render', HSINCHU], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(tableRows(result.stdout, '工作分工表')).toContainEqual([
      '基本資料',
      '教務處 註冊組',
      '進修部教務組',
      '六(一)1、十一(三)1',
    ]);
    expect(result.stdout).toContain('**進修部**');
    expect(result.stdout).toContain('| 基本資料 | 進修部教務組 | 由進修部教務組主管指定 | 六(一)1、十一(三)1 |');
    expect(result.stdout).toContain('| 課程學習成果認證 | 任課教師 | 進修部教務組 | 十一(三)2(1) |');
    expect(result.stdout).toContain('本規定未訂作業期程 (依全國期程)。');
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/render-hsinchu.md');
  });

  it('writes one self-contained, printable HTML page', async () => {
    const result = await run(['render', HSINCHU, '--format', 'html', '--lang', 'en'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(result.stdout).not.toMatch(/<(script|link|img|iframe)\b|https?:\/\/|url\(/);
    expect(result.stdout).toContain('@media print');
    expect(result.stdout).toContain('<caption>continuing education (進修部)</caption>');
    expect(result.stdout).toContain('<td>designated by the head of 進修部教務組 (ceAcademic)</td>');
    expect(result.stdout.match(/<section id="/g)).toHaveLength(4);
    expect(result.stdout).toContain('<h2>Appendix: the settings of these rules</h2>');
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/render-hsinchu.html');
  });

  it('escapes every name and clause, in HTML and in Markdown', async () => {
    const html = await run(['render', 'render/escape.yaml', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).not.toContain('<script>');
    expect(html.stdout).not.toContain('<i>');
    expect(html.stdout).toContain(
      '<title>示範 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 補充規定</title>',
    );
    expect(html.stdout).toContain('<td>教務處 &amp; 學務處 A|B 組 &lt;i&gt;</td>');
    expect(html.stdout).toContain('<td>由A|B 組 &lt;i&gt;主管指定</td>');
    expect(html.stdout).toContain('<td>九(三) &#39;a&#39; \\ b</td>');
    const markdown = await run(['render', 'render/escape.yaml']);
    expect(markdown.stdout).toContain(
      "| 基本資料 | A\\|B 組 &lt;i&gt; | 由A\\|B 組 &lt;i&gt;主管指定 | 註冊組 | 九(三) 'a' \\\\ b |",
    );
    expect(markdown.stdout).toContain(
      '| 1 | 學校提交至中央資料庫 | 3年級 | 第2學期 | — | 全國上傳截止前2週 | 流程表 &lt;1&gt; |',
    );
    // Every table row keeps its column count: no pipe leaked from a cell.
    for (const line of markdown.stdout.split('\n').filter((row) => row.startsWith('| '))) {
      const header = markdown.stdout
        .split('\n')
        .filter((row) => row.startsWith('| '))
        .find((row) => row.split(/(?<!\\)\|/).length === line.split(/(?<!\\)\|/).length);
      expect(header).toBeDefined();
    }
  });

  it('does not write a document from a pack with errors: the problems go to stderr, exit 1', async () => {
    const result = await run(['render', 'typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PR1003');
  });

  it('bad usage exits 2', async () => {
    expect((await run(['render', 'nope.yaml'])).stderr).toContain('PR9005');
    const document = await run(['render', 'valid.yaml', '--document', 'deputy']);
    expect([document.code, document.stderr]).toEqual([
      2,
      expect.stringContaining('PR9004 選項 --document 的值「deputy」不正確'),
    ]);
  });
});
