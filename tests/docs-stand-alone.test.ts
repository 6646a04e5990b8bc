import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../packages/cli/src/commands';

/** The repository's docs stand on their own: they cite no file outside it, and every relative link resolves. */
const ROOT = resolve(import.meta.dirname, '..');
const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
  .toString('utf8')
  .split('\0')
  .filter((path) => path !== '' && existsSync(join(ROOT, path)));
const markdown = tracked.filter((path) => path.endsWith('.md') && !path.startsWith('.changeset/'));
const text = tracked.filter((path) => /\.(md|ts|mjs|yaml|json)$/.test(path) && path !== 'pnpm-lock.yaml');

// Names of the team's own working notes, which are not part of the repository.
const OUTSIDE = /\b(?:DESIGN|DOMAIN(?:-seeds)?|STYLE)\.md\b|\/work\/shared|\.\.\/shared\//;
const LINK = /\]\(([^)\s]+)\)/g;

describe('the docs stand on their own', () => {
  it('no file cites a document outside the repository', () => {
    const citing = text.filter(
      (path) => path !== 'tests/docs-stand-alone.test.ts' && OUTSIDE.test(readFileSync(join(ROOT, path), 'utf8')),
    );
    expect(citing).toEqual([]);
  });

  it('every relative link in a Markdown file leads to a file or folder of the repository', () => {
    const broken = markdown.flatMap((path) =>
      [...readFileSync(join(ROOT, path), 'utf8').matchAll(LINK)]
        .map((match) => match[1]!)
        .filter((target) => !/^[a-z]+:|^#/.test(target))
        .filter((target) => !existsSync(resolve(ROOT, dirname(path), decodeURI(target.split('#')[0]!))))
        .map((target) => `${path}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it("the CLI's README names every command", () => {
    const readme = readFileSync(join(ROOT, 'packages/cli/README.md'), 'utf8');
    expect(COMMANDS.map((command) => command.name).filter((name) => !readme.includes(`\`${name}`))).toEqual([]);
  });
});
