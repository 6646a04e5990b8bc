import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../../../docs/markdown-blocks';
import { run } from './run';

// The examples of docs/reference/cli.md marked `<!-- run -->` run on the fixture packs, from their folder.
const page = readFileSync(new URL('../../../docs/reference/cli.md', import.meta.url), 'utf8');
const examples = codeBlocks(page).filter((block) => block.language === 'console' && block.comments.includes('run'));

describe('docs/reference/cli.md', () => {
  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((block) => [block.line, block] as const))(
    'the example at line %i prints what the page shows',
    async (_, block) => {
      const [command = '', ...expected] = block.text.trimEnd().split('\n');
      expect(command.startsWith('$ portfolio-rules ')).toBe(true);
      const result = await run(command.slice('$ portfolio-rules '.length).split(' '));
      expect((result.stdout + result.stderr).trimEnd()).toBe(expected.join('\n'));
    },
  );

  it('documents every command and every option', async () => {
    const { COMMANDS } = await import('../src/commands');
    const { optionsOf } = await import('../src/_lib/args');
    const mine = COMMANDS.filter((command) =>
      ['validate', 'test', 'schema', 'explain', 'diff', 'init'].includes(command.name),
    );
    for (const command of mine) {
      expect(page).toContain(`## ${command.name}`);
      for (const option of Object.keys(optionsOf(command)).filter((name) => name !== 'help'))
        expect(page).toContain(`--${option}`);
    }
  });
});
