import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artefactFolder, chromiumOrWhy, INSTALL_TIMEOUT, withPage } from '../../cli/test/chromium';
import { run } from '../../cli/test/run';

// The playground as school staff meet it: the built folder opened from file:// in Debian's headless
// Chromium (driven by playwright-core), offline, under the page's strict Content-Security-Policy.

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PAGE = join(DIST, 'index.html');
const SCHOOLS = fileURLToPath(new URL('../../../schools/', import.meta.url));
const MAGONG = readFileSync(join(SCHOOLS, 'magong/pack.yaml'), 'utf8').split('\n');
/** Magong's 六(一): diverse performances, at most 10 selected a year (the national maximum). */
const SELECT_LINE = MAGONG.findIndex((line) => line.includes('select: { max: 10, per: academicYear')) + 1;

/** A pack in force since term 10801, with nothing of its own. */
const SINCE_108 = 'id: demo\nname: 示範高中學生學習歷程檔案作業補充規定\ndocument: 示範補充規定\nappliesFrom: 10801\n';

let chromium: string | undefined;
let why = '';

beforeAll(() => {
  ({ chromium, why } = chromiumOrWhy());
  if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: build the playground first (npx pnpm build)`);
}, INSTALL_TIMEOUT + 60_000);

/** Console messages, page errors, CSP violations, and requests for anything outside the built folder. */
const outsiders = (problems: readonly string[]) =>
  problems.filter((problem) => !problem.startsWith(`request: file://${DIST}`));

/**
 * Puts the cursor on a line (1-based) and column (0-based) of the pack as a person does: a click on
 * the first line's text, in sight, then the arrow keys. Not a click on the middle of the editor's
 * text: its longest line is wider than the editor, so that click scrolls it sideways, and CodeMirror
 * scrolls back after Ctrl+Home only at its next frame — on a busy machine an arrow key pressed before
 * then takes its column from the scrolled place, and the keys land six columns to the right.
 */
async function keyTo(page: Page, line: number, column: number): Promise<void> {
  // 10 px in: past the line's padding, which the gutter overlaps.
  await page
    .locator('#pack-editor .cm-line')
    .first()
    .click({ position: { x: 10, y: 4 } });
  await page.keyboard.press('Control+Home');
  for (let down = 1; down < line; down++) await page.keyboard.press('ArrowDown');
  for (let step = 0; step < column; step++) await page.keyboard.press('ArrowRight');
  const where = page.locator('#pack-editor .cm-lineNumbers .cm-activeLineGutter');
  await expect(where.textContent()).resolves.toBe(String(line));
}

/** Typing with the keyboard on a loaded machine is slow: a browser test may take a minute without being wrong. */
const BROWSER_TIMEOUT = 120_000;

describe('the built page', () => {
  it('declares a strict Content-Security-Policy and holds no inline script', () => {
    const html = readFileSync(PAGE, 'utf8');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "script-src 'self'", "base-uri 'none'", "form-action 'none'"]),
    );
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)).toEqual(['<script src="playground.js" defer>']);
  });
});

describe('the playground in Chromium, from file://', () => {
  it(
    'checks Magong as it is typed: PR2002 at the selection cap raised to 12, a jump to its line, a scenario that passes, English',
    async ({ skip }) => {
      if (!chromium) return skip(why);
      expect(SELECT_LINE).toBeGreaterThan(1);
      await withPage(chromium, PAGE, { width: 1400, height: 900 }, async (page, problems) => {
        // Magong is the first example: it validates clean, in Chinese.
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-TW');
        await page.locator('#validate-summary', { hasText: '✔ 沒有問題' }).waitFor();
        await expect(page.locator('#example').inputValue()).resolves.toBe('magong');

        // Type 12 over the 10 of the selection cap, as a person does, with the keyboard.
        const column = MAGONG[SELECT_LINE - 1]!.indexOf('max: 10') + 'max: '.length;
        await keyTo(page, SELECT_LINE, column);
        await page.keyboard.press('Shift+ArrowRight');
        await page.keyboard.press('Shift+ArrowRight');
        await expect(page.evaluate('String(getSelection())')).resolves.toBe('10');
        await page.keyboard.type('12');

        // The finding appears at its line, in the list and as a diagnostic in the editor's gutter.
        const finding = page.locator('#findings li[data-code="PR2002"]');
        await finding.waitFor();
        await expect(finding.locator('button.where').getAttribute('data-line')).resolves.toBe(String(SELECT_LINE));
        await expect(finding.locator('button.where').textContent()).resolves.toMatch(
          new RegExp(`^第 ${SELECT_LINE} 行`),
        );
        await expect(finding.locator('.message').textContent()).resolves.toMatch(/10/);
        await expect(page.locator('#pack-editor .cm-lint-marker-error').count()).resolves.toBe(1);
        await expect(page.locator('#validate-summary').textContent()).resolves.toMatch(/^✖ 1 個錯誤/);

        // The finding's place puts the cursor on that line.
        await page.keyboard.press('Control+Home');
        await finding.locator('button.where').click();
        await expect(page.locator('#pack-editor .cm-activeLine').textContent()).resolves.toContain('select: { max: 12');

        // explain shows the value being typed, with its layer and clause (its tab reached with →, as in any tab list).
        await page.locator('#tab-validate').focus();
        await page.keyboard.press('ArrowRight');
        await expect(page.locator('#tab-explain').getAttribute('aria-selected')).resolves.toBe('true');
        const row = page.locator('#explain-table tbody tr', { hasText: 'caps.diversePerformance.select.max' });
        await expect(row.locator('td').allTextContents()).resolves.toEqual([
          'caps.diversePerformance.select.max',
          '12',
          'school:magong',
          '馬公補充規定 六(一)',
        ]);

        // A scenario file opened from disk runs against the pack in the editor, and passes; the bundled
        // selection-cap scenario now fails, saying why.
        await page.locator('#tab-scenarios').click();
        await page
          .locator('#open-scenarios')
          .setInputFiles(join(SCHOOLS, 'magong/scenarios/02-diverse-performance-upload-cap.yaml'));
        const opened = page.locator('#scenario-list li[data-file="02-diverse-performance-upload-cap.yaml"]');
        await opened.waitFor();
        await expect(opened.getAttribute('class')).resolves.toMatch(/\bpassed\b/);
        await expect(opened.textContent()).resolves.toContain('✔');
        const selection = page.locator(
          '#scenario-list li[data-file="scenarios/04-diverse-performance-select-cap.yaml"]',
        );
        await expect(selection.getAttribute('class')).resolves.toMatch(/\bfailed\b/);

        // Back to the findings, in English.
        await page.locator('#tab-validate').click();
        await page.locator('#language').click();
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
        await expect(page.locator('#tab-validate').textContent()).resolves.toBe('Findings (2)');
        // The finding points at the value (a 1-based column), where the keyboard typed it.
        await expect(finding.locator('button.where').textContent()).resolves.toBe(
          `line ${SELECT_LINE}, column ${column + 1}`,
        );
        await expect(finding.locator('.message').textContent()).resolves.toMatch(
          /^caps.diversePerformance.select allows 12 /,
        );
        await expect(page.locator('#validate-summary').textContent()).resolves.toBe('✖ 1 error, 1 warning, 0 infos');

        const screenshot = join(artefactFolder(), 'playground.png');
        await page.screenshot({ path: screenshot, fullPage: false });
        console.log(`playground screenshot: ${screenshot}`);
        expect(outsiders(problems)).toEqual([]);
      });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'explains the rules in force in a chosen term, and says why a term has none',
    async ({ skip }) => {
      if (!chromium) return skip(why);
      await withPage(chromium, PAGE, { width: 1400, height: 900 }, async (page, problems) => {
        await page.locator('#validate-summary', { hasText: '✔ 沒有問題' }).waitFor();
        // A pack in force since 10801, pasted over the example: it spans the national reform of 11101.
        await keyTo(page, 1, 0);
        await page.keyboard.press('Control+A');
        await page.keyboard.insertText(SINCE_108);
        await page.locator('#tab-explain').click();
        const head = page.locator('#explain-head');
        const row = page.locator('#explain-table tbody tr', { hasText: 'caps.courseOutcome.select.max' });
        const cells = () => row.locator('td').allTextContents();
        await expect.poll(() => head.textContent()).toContain('示範高中');
        await expect(head.textContent()).resolves.toContain('適用期間最新之規定');
        await expect(cells()).resolves.toEqual([
          'caps.courseOutcome.select.max',
          '6',
          'national@2022-08-01',
          '作業要點 課程學習成果勾選件數 (111學年度起)',
        ]);

        // Term 108-2: the national rules then (3 a semester), as `explain --term 108-2` shows them.
        const term = page.locator('#explain-term');
        await term.fill('108-2');
        await expect.poll(() => head.textContent()).toContain('學期 10802 適用之規定');
        await expect(cells()).resolves.toEqual([
          'caps.courseOutcome.select.max',
          '3',
          'national@2019-08-01',
          '作業要點 課程學習成果勾選件數 (108學年度)',
        ]);

        // Not a term: PR9004 in the panel, the field marked, no table.
        await term.fill('112-3');
        const malformed = page.locator('#explain-findings li[data-code="PR9004"]');
        await malformed.waitFor();
        await expect(malformed.locator('.message').textContent()).resolves.toBe(
          '選項 學期 的值「112-3」不正確；可用的值：11201、112-1',
        );
        await expect(term.getAttribute('aria-invalid')).resolves.toBe('true');
        await expect(page.locator('#explain-table tbody tr').count()).resolves.toBe(0);

        // Before the pack's period: PR2007, in English too.
        await term.fill('10702');
        const outside = page.locator('#explain-findings li[data-code="PR2007"]');
        await outside.waitFor();
        await expect(term.getAttribute('aria-invalid')).resolves.toBe('true');
        await page.locator('#language').click();
        await expect(head.textContent()).resolves.toBe('No rules to list for this term:');
        await expect(outside.locator('.message').textContent()).resolves.toMatch(
          /^term 10702 is outside the pack's period/,
        );
        await expect(page.locator('label', { has: term }).textContent()).resolves.toContain('Term');

        // Blank again: the latest rules, the findings gone.
        await term.fill('');
        await expect
          .poll(cells)
          .toEqual([
            'caps.courseOutcome.select.max',
            '6',
            'national@2022-08-01',
            '作業要點 課程學習成果勾選件數 (111學年度起)',
          ]);
        await expect(page.locator('#explain-findings li').count()).resolves.toBe(0);
        await expect(term.getAttribute('aria-invalid')).resolves.toBe('false');
        expect(outsiders(problems)).toEqual([]);
      });
    },
    BROWSER_TIMEOUT,
  );

  it(
    "writes Magong's document, completes keys from the schema, and writes Hsinchu's amendment table",
    async ({ skip }) => {
      if (!chromium) return skip(why);
      await withPage(chromium, PAGE, { width: 1400, height: 900 }, async (page, problems) => {
        // Magong ships no earlier version: one pasted into the other editor becomes the version in force.
        await page.locator('#tab-diff').click();
        await page.locator('#other-editor .cm-content').click();
        await page.keyboard.insertText(MAGONG.join('\n').replace('upload: { max: 15,', 'upload: { max: 12,'));
        await expect(page.locator('#other-version option:checked').textContent()).resolves.toBe('other.yaml');
        const pasted = page.frameLocator('#diff-output iframe');
        await pasted.locator('tbody tr').first().waitFor();
        await expect(pasted.locator('tbody tr').count()).resolves.toBe(1);
        await expect(pasted.locator('tbody tr td').nth(2).textContent()).resolves.toMatch(/12.*15/);

        await page.locator('#tab-render').click();
        const document = page.frameLocator('#render-output iframe');
        await expect(document.locator('h1').textContent()).resolves.toBe(
          '國立馬公高級中學建置學生學習歷程檔案作業補充規定',
        );
        // The download is, byte for byte, what `portfolio-rules render pack.yaml --format html` writes.
        const [rendered] = await Promise.all([page.waitForEvent('download'), page.locator('#render-download').click()]);
        expect(rendered.suggestedFilename()).toBe('render.html');
        const cli = await run(['render', 'pack.yaml', '--format', 'html'], {
          cwd: join(SCHOOLS, 'magong'),
          regionalDirectory: null,
        });
        expect(readFileSync(await rendered.path(), 'utf8')).toBe(cli.stdout);

        // Typing keeps the reader's place in the document: the frame shows the new text where it was scrolled.
        await page.locator('#render-output iframe').hover();
        await page.mouse.wheel(0, 1500);
        const frame = async () =>
          (await (await page.locator('#render-output iframe').elementHandle())?.contentFrame())!;
        // As text: this project's types have no DOM.
        const scrolled = async () => Number(await (await frame()).evaluate('scrollY'));
        await expect.poll(scrolled).toBeGreaterThan(1000);
        const place = await scrolled();
        await keyTo(page, MAGONG.findIndex((line) => line.startsWith('name:')) + 1, 0);
        await page.keyboard.press('End');
        await page.keyboard.type('（草案）');
        await expect
          .poll(() => document.locator('h1').textContent())
          .toBe('國立馬公高級中學建置學生學習歷程檔案作業補充規定（草案）');
        await expect.poll(scrolled).toBe(place);

        // Completion from the pack's JSON Schema as a key is typed, and a key's description on hover.
        await page.locator('#pack-editor .cm-content').click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\nretent');
        const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'retention' });
        await option.waitFor();
        // CodeMirror ignores Enter for 75 ms after the list opens (its interactionDelay), against accidents.
        await page.waitForTimeout(200);
        await page.keyboard.press('Enter');
        await expect(page.locator('#pack-editor .cm-activeLine').textContent()).resolves.toBe('retention: ');
        await page.keyboard.press('Control+Home');
        await page.locator('#pack-editor .cm-line', { hasText: 'appliesFrom' }).locator('span').first().hover();
        await expect(page.locator('.schema-hover').textContent()).resolves.toContain('適用起始學期');

        await page.locator('#example').selectOption('hsinchu-vocational');
        await page.locator('#tab-diff').click();
        await expect(page.locator('#other-version option:checked').textContent()).resolves.toBe('versions/111.yaml');
        const table = page.frameLocator('#diff-output iframe');
        await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['修正條文', '現行條文', '說明']);
        await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
        await page.locator('#diff-format').selectOption('md');
        const [amendment] = await Promise.all([page.waitForEvent('download'), page.locator('#diff-download').click()]);
        const cliDiff = await run(['diff', 'versions/111.yaml', 'pack.yaml'], {
          cwd: join(SCHOOLS, 'hsinchu-vocational'),
          regionalDirectory: null,
        });
        expect(readFileSync(await amendment.path(), 'utf8')).toBe(cliDiff.stdout);
        expect(outsiders(problems)).toEqual([]);
      });
    },
    BROWSER_TIMEOUT,
  );
});
