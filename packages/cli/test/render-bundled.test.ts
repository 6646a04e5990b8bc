import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main';
import { visibleText } from './visible-text';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCHOOLS = readdirSync(`${REPO}schools`).filter(
  (name) => !name.startsWith('_') && existsSync(`${REPO}schools/${name}/pack.yaml`),
);
/** Every pack the repository ships: schools, their earlier versions, the template and the regional overlays. */
const BUNDLED = [
  ...readdirSync(`${REPO}schools`)
    .filter((name) => existsSync(`${REPO}schools/${name}/pack.yaml`))
    .map((name) => `schools/${name}/pack.yaml`),
  ...SCHOOLS.filter((name) => existsSync(`${REPO}schools/${name}/versions`)).flatMap((name) =>
    readdirSync(`${REPO}schools/${name}/versions`).map((file) => `schools/${name}/versions/${file}`),
  ),
  ...readdirSync(`${REPO}packages/core/regional`).map((name) => `packages/core/regional/${name}/pack.yaml`),
];

/**
 * What must never reach a zh-TW document: layer ids, term codes, ISO dates, file paths, and key
 * names (any Latin word of two letters or more). A term code quoting the title of the Taipei deck's
 * pages (「11201時序」, cited as the deck writes it) is the cited document's own words, not ours.
 */
const INTERNAL = [
  { name: 'layer id', pattern: /national@|school:|overlay:/ },
  { name: 'term code', pattern: /(?<![0-9])1[0-9]{2}0[12](?![0-9]|時序)/ },
  { name: 'ISO date', pattern: /[0-9]{4}-[0-9]{2}-[0-9]{2}/ },
  { name: 'file path', pattern: /\.ya?ml\b|schools\// },
  { name: 'key or Latin word', pattern: /[A-Za-z]{2,}/ },
];

async function cli(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: REPO,
  });
  return { code, stdout, stderr };
}

describe('render and timeline on every bundled school pack', () => {
  it('has packs to try', () => {
    expect(SCHOOLS).toContain('magong');
    expect(SCHOOLS).toContain('hsinchu-vocational');
  });

  it.each(SCHOOLS)('%s: render writes all four documents in both formats', async (school) => {
    for (const format of ['md', 'html']) {
      const result = await cli(['render', `schools/${school}/pack.yaml`, '--format', format]);
      expect(result.code, result.stderr).toBe(0);
      for (const heading of ['工作分工表', '代理人名單', '作業流程', '件數規定'])
        expect(result.stdout).toContain(heading);
    }
  });

  it.each(BUNDLED)('%s: the zh-TW document shows no internal identifier, in Markdown or HTML', async (file) => {
    for (const format of ['md', 'html']) {
      const result = await cli(['render', file, '--format', format]);
      expect(result.code, result.stderr).toBe(0);
      // Markdown's only tag is the line break inside a table cell.
      const text = format === 'html' ? visibleText(result.stdout) : result.stdout.replace(/<br>/g, '\n');
      for (const { name, pattern } of INTERNAL) {
        const found = pattern.exec(text);
        expect(found && `${name}: …${text.slice(Math.max(0, found.index - 30), found.index + 30)}…`).toBeNull();
      }
    }
  });

  it.each(SCHOOLS)(
    '%s: timeline on the 112 calendar lists or reports every window, never an internal error',
    async (school) => {
      const result = await cli([
        'timeline',
        `schools/${school}/pack.yaml`,
        '--calendar',
        'examples/calendars/112.yaml',
        '--format',
        'ics',
      ]);
      expect(result.stderr).not.toContain('internal error');
      expect(result.code).toBeLessThan(2);
      if (result.stdout === '') {
        // A pack for other years (vendor-defaults: 10801–11002) has no rules in 112, and says so.
        expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('PR2007 term-outside-pack')]);
      } else {
        expect(result.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      }
    },
  );
});
