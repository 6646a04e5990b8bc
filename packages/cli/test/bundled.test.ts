import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const packsIn = (dir: string) =>
  existsSync(`${REPO}${dir}`)
    ? readdirSync(`${REPO}${dir}`)
        .filter((name) => existsSync(`${REPO}${dir}/${name}/pack.yaml`))
        .map((name) => `${dir}/${name}/pack.yaml`)
    : [];

describe("the README's main command: validate every bundled pack", () => {
  it('exits 0: no bundled pack has an error-level finding', async () => {
    const files = [...packsIn('schools'), ...packsIn('schools/_regional')];
    expect(files.length).toBeGreaterThan(0);
    let stdout = '';
    const code = await main(['validate', ...files, '--lang', 'en'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stdout += text) },
      cwd: REPO,
      regionalDirectory: `${REPO}schools/_regional`,
    });
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`(✔|⚠) .*${files.length} packs`));
    expect(code, stdout).toBe(0);
  });
});
