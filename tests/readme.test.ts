import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../docs/markdown-blocks';
import { main } from '../packages/cli/src/main';

// The README's walkthrough must stay true: each `$ npx portfolio-rules …` block is run and every
// line it shows must appear in the real output (white space folded; the README may abridge).
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Example {
  readonly argv: string[];
  readonly shown: string[];
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const block of codeBlocks(readme).filter((candidate) => candidate.language === 'console')) {
    const [command, ...shown] = block.text.trimEnd().split('\n');
    const match = /^\$ npx portfolio-rules (.*)$/.exec(command ?? '');
    if (match) found.push({ argv: match[1]!.split(/\s+/), shown });
  }
  return found;
}

/** The walkthrough's second step runs after the reader fixed the misspelt key. */
function fixedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readme-'));
  cpSync(`${root}examples/packs`, join(dir, 'examples/packs'), { recursive: true });
  const file = join(dir, 'examples/packs/loosening.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('uplaod:', 'upload:'));
  return dir;
}

async function run(argv: readonly string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd,
  };
  const code = await main([...argv], io);
  return { code, output: fold(stdout + stderr) };
}

describe('README walkthrough', () => {
  const list = examples();

  it('has the examples it promises', () => {
    expect(list.map((example) => example.argv[0])).toEqual(['validate', 'validate', 'explain']);
  });

  it.each(list.map((example, index) => [example.argv.join(' '), example, index] as const))(
    '%s prints what the README shows',
    async (_, example, index) => {
      const { output } = await run(example.argv, index === 1 ? fixedCopy() : root);
      for (const line of example.shown) expect(output).toContain(fold(line));
    },
  );

  it('exits 1 while the example pack has an error', async () => {
    expect((await run(['validate', 'examples/packs/loosening.yaml'])).code).toBe(1);
    expect((await run(['validate', 'examples/packs/loosening.yaml'], fixedCopy())).code).toBe(1);
  });
});
