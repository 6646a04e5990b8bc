import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../markdown-blocks';

// The auditor's guide is a session at a terminal: its blocks run in order in one folder (holding a
// copy of the bundled school), with the built CLI as `portfolio-rules`, and every line a block shows
// must be in what its commands print (white space folded; the guide may abridge).
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/portfolio-rules.js');
const built = existsSync(join(root, 'packages/cli/dist/index.js'));
const guide = readFileSync(join(root, 'docs/guides/auditor.md'), 'utf8');
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

const steps = codeBlocks(guide)
  .filter((block) => block.comments.includes('auditor-guide: run'))
  .map((block) => {
    const lines = block.text.trimEnd().split('\n');
    return {
      heading: block.heading,
      commands: lines.filter((line) => line.startsWith('$ ')).map((line) => line.slice(2)),
      shown: lines.filter((line) => !line.startsWith('$ ')),
    };
  });

describe.skipIf(!built)("the auditor's guide, run as written (skipped unless built)", () => {
  const folder = mkdtempSync(join(tmpdir(), 'auditor-guide-'));
  cpSync(join(root, 'schools/magong'), join(folder, 'schools/magong'), { recursive: true });

  it('has a command in every block it runs', () => {
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) expect(step.commands.length, step.heading).toBeGreaterThan(0);
  });

  it.each(steps.map((step) => [step.commands.join(' && '), step] as const))('%s', (_, step) => {
    let output = '';
    for (const command of step.commands) {
      const script = command.replace(/^portfolio-rules /, `"${process.execPath}" "${bin}" `);
      const result = spawnSync('/bin/sh', ['-c', script], { cwd: folder, encoding: 'utf8' });
      expect(result.status === 0 || result.status === 1, `${command}: exit ${result.status}\n${result.stderr}`).toBe(
        true,
      );
      output += `${result.stdout}\n${result.stderr}\n`;
    }
    for (const line of step.shown) expect(fold(output), step.heading).toContain(fold(line));
  });
});
