import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditPack } from '@portfolio-rules/core';
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
  it('exits 1 on what the seeds leave out (an owner, a deputy), and on nothing else', async () => {
    const files = [...packsIn('schools'), ...packsIn('packages/core/regional')];
    expect(files.length).toBeGreaterThan(0);
    let stdout = '';
    const code = await main(['validate', ...files, '--lang', 'en'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stdout += text) },
      cwd: REPO,
    });
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`✖ .*${files.length} packs`));
    const errors = [...stdout.matchAll(/ {2}error {2}(PR\d{4})/g)].map((match) => match[1]);
    expect(new Set(errors), stdout).toEqual(new Set(['PR5002', 'PR5013']));
    expect(code, stdout).toBe(1);
  });
});

describe('one pack, one answer: the CLI and core agree on every bundled pack', () => {
  const files = [...packsIn('schools'), ...packsIn('packages/core/regional')];

  it.each(files)('%s', async (file) => {
    let stdout = '';
    await main(['validate', file, '--format', 'json'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stdout += text) },
      cwd: REPO,
    });
    const reported = (JSON.parse(stdout) as { files: { findings: { code: string; subject: string }[] }[] }).files[0]!;
    const validation = auditPack(readFileSync(`${REPO}${file}`, 'utf8'), { file });
    // The CLI lists findings by position; the set is core's.
    expect(reported.findings.map((f) => `${f.code} ${f.subject}`).sort()).toEqual(
      validation.findings.map((f) => `${f.code} ${f.subject}`).sort(),
    );
    expect(validation.findings.map((f) => f.code)).not.toContain('PR2001');
  });
});
