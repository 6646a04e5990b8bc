import { describe, expect, it } from 'vitest';
import { run, stableJson } from './run';

const ROOT = new URL('../../../', import.meta.url).pathname;
const MAGONG = ['schools/magong/pack.yaml', '--calendar', 'examples/calendars/112.yaml'];
const DEMO = ['timeline/pack.yaml', '--calendar', 'timeline/calendar.yaml'];

describe('portfolio-rules timeline', () => {
  it('lists every Magong window of both terms of 112 by date, by grade where the dates differ', async () => {
    const result = await run(['timeline', ...MAGONG, '--year', '112'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^(\d{4}-|—)/.test(line));
    expect(rows).toHaveLength(32);
    const firsts = rows.map((line) => line.match(/\d{4}-\d{2}-\d{2}/)![0]);
    expect(firsts).toEqual([...firsts].sort());
    // 作業流程 10 in 112-2: grade 3 after graduation (06-07), grades 1 and 2 after the closing ceremony (06-28).
    expect(result.stdout).toMatch(/—\s+2024-06-21\s+11202\s+3年級\s+課程學習成果上傳\s+馬公補充規定 作業流程 10/);
    expect(result.stdout).toMatch(/—\s+2024-07-12\s+11202\s+1、2年級\s+課程學習成果上傳/);
    expect(result.stdout).toContain('共 32 個期程');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/timeline-magong.txt');
  });

  it('keeps an unresolved window in the list with its finding, and exits 1', async () => {
    const result = await run(['timeline', ...DEMO]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/無法推算\s+—\s+11202\s+全年級\s+學業成績登錄/);
    expect(result.stdout).toMatch(/無法推算\s+—\s+11202\s+3年級\s+課程學習成果勾選/);
    expect(result.stdout).toContain('PR6001 calendar-anchor-missing');
    expect(result.stdout).toContain('PR6007 invalid-month-day');
    expect(result.stdout).toContain('PR6006 window-closes-before-opens');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/timeline-unresolved.txt');
  });

  it('writes JSON with both names, the rule as written, clause, layer and the unresolved finding', async () => {
    const result = await run(['timeline', ...DEMO, '--format', 'json']);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({
      version: 1,
      command: 'timeline',
      academicYear: 112,
      pack: { id: 'timeline-demo' },
      calendar: { file: 'timeline/calendar.yaml', title: '示範行事曆' },
      summary: { errors: 3, exitCode: 1 },
    });
    expect(output.entries[0]).toEqual({
      term: '11201',
      semester: 1,
      activity: 'courseOutcomeUpload',
      name: { 'zh-TW': '課程學習成果上傳', en: 'course outcome upload' },
      grades: [1, 2, 3],
      opens: '2023-08-30',
      closes: '2024-02-02',
      rule: {
        opens: { 'zh-TW': '開學當日', en: 'on the first day of classes' },
        closes: { 'zh-TW': '休業式後2週', en: '2 weeks after the closing ceremony' },
      },
      window: 'windows.0',
      source: { document: '示範補充規定', clause: '流程表 1, 2; 附表\\3' },
      layer: 'school:timeline-demo',
      unresolved: null,
    });
    const unresolved = output.entries.filter((entry: { unresolved: unknown }) => entry.unresolved);
    expect(
      unresolved.map((entry: { activity: string; unresolved: { code: string } }) => [
        entry.activity,
        entry.unresolved.code,
      ]),
    ).toEqual([
      ['gradeEntry', 'PR6001'],
      ['courseOutcomeSelection', 'PR6007'],
    ]);
    await expect(stableJson(result.stdout)).toMatchFileSnapshot('__snapshots__/timeline-unresolved.json');
  });

  it('keeps the calendar on stdout and the problems on stderr with --format ics', async () => {
    const result = await run(['timeline', ...DEMO, '--format', 'ics', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(result.stdout).toContain('clause: 示範補充規定 流\r\n 程表 1\\, 2\\; 附表\\\\3');
    expect(result.stderr).toContain('PR6001');
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/timeline-demo.ics');
  });

  it('with --grade, only the windows that govern the grade', async () => {
    const result = await run(['timeline', ...MAGONG, '--grade', '3'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('1、2年級');
    expect(result.stdout).toMatch(/2024-04-22\s+2024-04-26\s+11202\s+3年級\s+學校提交至中央資料庫/);
    expect(result.stdout).toContain('共 22 個期程');
  });

  it('says so when a pack sets no windows (新竹: the national schedule applies)', async () => {
    const result = await run(
      ['timeline', 'schools/hsinchu-vocational/pack.yaml', '--calendar', 'examples/calendars/112.yaml', '--lang', 'en'],
      { cwd: ROOT },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The pack sets no windows (the national schedule applies).');
  });

  it('says which data terms a year covers; a term outside the pack is said, not a failure (臺北市 --year 111)', async () => {
    const chenggong = ['timeline', 'schools/taipei-chenggong/pack.yaml', '--calendar', 'examples/calendars/112.yaml'];
    const taipei = { cwd: ROOT, regionalDirectory: null }; // core's registry: its Taipei overlay
    const previous = await run([...chenggong, '--year', '111'], taipei);
    expect(previous.code).toBe(0);
    expect(previous.stdout).toContain('資料學期：11101 (不在本規定適用期間 11102–11202)、11102');
    expect(previous.stdout).toContain('本行事曆另列 11201、11202 之資料日期 (見 --year 112)');
    expect(previous.stdout).toMatch(/2023-10-02\s+2023-10-25\s+11102\s+全年級\s+學校提交至中央資料庫/);
    expect(previous.stdout).not.toContain('PR2007');
    const current = await run([...chenggong, '--lang', 'en'], taipei);
    expect(current.code).toBe(0);
    expect(current.stdout).toContain('data terms: 11201, 11202');
    expect(current.stdout).toContain("the calendar also gives dates for 11102's data (see --year 111)");
    const json = JSON.parse((await run([...chenggong, '--year', '111', '--format', 'json'], taipei)).stdout);
    expect([json.terms, json.calendarTerms]).toEqual([
      [
        { term: '11101', covered: false },
        { term: '11102', covered: true },
      ],
      ['11102', '11201', '11202'],
    ]);
    const none = await run([...chenggong, '--year', '110'], taipei);
    expect([none.code, none.stdout.includes('本規定不適用於這兩個資料學期。')]).toEqual([0, true]);
  });

  it('reports a calendar for another year (PR6008) and exits 1', async () => {
    const result = await run(['timeline', ...DEMO, '--year', '113']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PR6008');
  });

  it('reports a calendar with errors and exits 1, without a table', async () => {
    const result = await run([
      'timeline',
      'timeline/pack.yaml',
      '--calendar',
      'timeline/pack.yaml',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.files.at(-1).file).toBe('timeline/pack.yaml');
    expect(output.files.at(-1).findings[0].code).toMatch(/^PR10/);
  });

  it('bad usage exits 2: no --calendar, a bad --grade or --year, an unreadable file', async () => {
    const missing = await run(['timeline', 'timeline/pack.yaml']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringContaining('PR9003 指令 timeline 缺少參數 --calendar <file>'),
    ]);
    const grade = await run(['timeline', ...DEMO, '--grade', '4']);
    expect([grade.code, grade.stderr]).toEqual([2, expect.stringContaining('PR9004')]);
    const year = await run(['timeline', ...DEMO, '--year', '2023-24']);
    expect([year.code, year.stderr]).toEqual([2, expect.stringContaining('PR9004')]);
    const unreadable = await run(['timeline', 'timeline/pack.yaml', '--calendar', 'nope.yaml']);
    expect([unreadable.code, unreadable.stderr]).toEqual([2, expect.stringContaining('PR9005')]);
  });
});
