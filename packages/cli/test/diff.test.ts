import { describe, expect, it } from 'vitest';
import { run } from './run';

const ROOT = new URL('../../../', import.meta.url).pathname;
const HSINCHU = ['schools/hsinchu-vocational/versions/111.yaml', 'schools/hsinchu-vocational/pack.yaml'];

describe('portfolio-rules diff', () => {
  it("writes 新竹's amendment as seed 001 prints it: point 八, struck out and rewritten, 說明 in words", async () => {
    const result = await run(['diff', ...HSINCHU], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('| 修正條文 | 現行條文 | 說明 |');
    expect(rows[1]).toContain('| 八、<ins>已畢業學生之學習歷程檔案資料，封存5年；達保存年限後，始得刪除。</ins> |');
    expect(rows[1]).toContain('| 八、<del>本校於學期中發放全校各班學生家長通知書');
    expect(rows[1]).toContain('1\\. 刪除原條文內容，改定新條文。<br>2\\. 畢業生學習歷程檔案資料封存年限明定為5年');
    expect(result.stdout).toContain('現行規定：本規定自111學年度第1學期起至111學年度第2學期止適用。');
    // No key, file path, term code or remark of the tool's own.
    expect(result.stdout).not.toMatch(/retention|sealYears|\.yaml|11201|notes|school:|national@/);
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/diff-md.txt');
  });

  it('says what a declared role may do, in words, and names it in the permission rows', async () => {
    const result = await run(['diff', 'roles-none.yaml', 'roles-declared.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('宣告之角色「課程諮詢教師 (查閱諮詢學生)」：<ins>檢視學習歷程 (諮詢學生)</ins>');
    expect(result.stdout).toContain('課程諮詢教師 (查閱諮詢學生)之「檢視學習歷程」權限縮減');
    expect(result.stdout).not.toMatch(/object Object|adviser/);
  });

  it('lists every point with --unchanged, 無修正 where nothing changed', async () => {
    const result = await run(['diff', ...HSINCHU, '--unchanged'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/\| 無修正。 \|$/gm)).toHaveLength(13);
    expect(result.stdout).toContain(
      '| 四、工作小組每學期應至少召開一次會議，議決下列有關學生學習歷程檔案之工作事項：<br>　(一)各項工作作業期程及分工權責。',
    );
  });

  it('without clause text: a row per clause, the settings in words, the values marked', async () => {
    const result = await run(['diff', 'diff-old.yaml', 'diff-new.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '| 五(五)<br>多元表現上傳件數：<ins>每學年至多 15 件</ins><br>多元表現上傳件數之計算期間：每學年 | 五(四)<br>多元表現上傳件數：<del>每學年至多 20 件</del><br>多元表現上傳件數之計算期間：每學年 | 1\\. 多元表現上傳件數之依據由五(四)改為五(五)。<br>2\\. 多元表現上傳件數由每學年至多 20 件改為每學年至多 15 件。 |',
    );
    expect(result.stdout).toContain('2\\. 刪除幹部經歷登錄及提交之負責單位之規定（原為生輔組）。');
    // Reordered windows are no amendment; the new grade-3 window is.
    expect(result.stdout).not.toContain('課程學習成果上傳期程');
    expect(result.stdout).toContain('新增多元表現勾選期程（3年級）：截止：4月15日。');
    // The pack's own remarks (notes) are no rule: the parents' notice note is not a row.
    expect(result.stdout).not.toContain('家長通知書');
  });

  it('writes one self-contained HTML page with --format html', async () => {
    const result = await run(['diff', ...HSINCHU, '--format', 'html', '--lang', 'en'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).not.toMatch(/<(script|link)\b|https?:\/\//);
    expect(result.stdout).toContain(
      '<th scope="col">Amended text (修正條文)</th><th scope="col">Current text (現行條文)</th><th scope="col">Explanation (說明)</th>',
    );
    expect(result.stdout).toContain('<td><p>八、<del>本校於學期中發放全校各班學生家長通知書');
    expect(result.stdout).toContain('<p>1. The text is rewritten.</p>');
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/diff.html');
  });

  it('says so when nothing changed', async () => {
    const result = await run(['diff', 'valid.yaml', 'valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('兩版條文及規定內容相同，無修正。');
    expect(result.stdout).not.toContain('| 修正條文 |');
  });

  it('puts load problems on stderr, never into the table, exit 1', async () => {
    const result = await run(['diff', 'diff-old.yaml', 'typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('typo.yaml:6:5  錯誤  PR1003');
  });

  it('needs two readable files: exit 2', async () => {
    expect((await run(['diff', 'diff-old.yaml'])).stderr).toContain('PR9003');
    const missing = await run(['diff', 'diff-old.yaml', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('PR9005');
  });
});
