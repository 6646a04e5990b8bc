import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCHOOLS = readdirSync(`${REPO}schools`).filter(
  (name) => !name.startsWith('_') && existsSync(`${REPO}schools/${name}/pack.yaml`),
);

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
