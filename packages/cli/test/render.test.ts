import { describe, expect, it } from 'vitest';
import { run } from './run';

const ROOT = new URL('../../../', import.meta.url).pathname;
const MAGONG = 'schools/magong/pack.yaml';
const HSINCHU = 'schools/hsinchu-vocational/pack.yaml';

/** The rows of the Markdown tables under a `## heading`, as cells (header and separator left out). */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`## ${heading}`);
  const end = markdown.indexOf('\n## ', start + 1);
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

  it("writes all of Magong's documents in Markdown", async () => {
    const result = await run(['render', MAGONG], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(tableRows(result.stdout, '工作分工表')).toContainEqual(['多元表現提交', '學務處 訓育組', '九(三)']);
    // 作業流程 in the pack's order, dates as the rule writes them.
    const flow = tableRows(result.stdout, '作業流程');
    expect(flow[0]).toEqual(['序號', '作業項目', '年級', '學期', '開始', '截止', '依據']);
    expect(flow).toContainEqual(['3', '課程學習成果上傳', '全年級', '每學期', '—', '休業式後2週', '作業流程 10']);
    expect(flow).toContainEqual(['6', '多元表現上傳', '3年級', '第2學期', '—', '4月10日', '作業流程 12']);
    expect(tableRows(result.stdout, '件數規定')).toContainEqual([
      '課程學習成果',
      '上傳',
      '每學期至多 6 件',
      '五(三)1',
      'school:magong',
    ]);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/render-magong.md');
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
