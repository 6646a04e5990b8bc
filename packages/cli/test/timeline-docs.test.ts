import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../../../docs/markdown-blocks';
import type { TimelineJson } from '../src/timeline/format';
import { parseJson } from './json';
import { run } from './run';

// The examples of docs/reference/timeline-and-render.md run from the root of the repository.
const ROOT = new URL('../../../', import.meta.url).pathname;
const page = readFileSync(new URL('../../../docs/reference/timeline-and-render.md', import.meta.url), 'utf8');
const examples = codeBlocks(page).filter(
  (block) => block.language === 'console' && block.comments.some((comment) => comment.startsWith('run')),
);

async function runExample(command: string) {
  expect(command.startsWith('$ portfolio-rules ')).toBe(true);
  return run(command.slice('$ portfolio-rules '.length).split(' '), { cwd: ROOT });
}

describe('docs/reference/timeline-and-render.md', () => {
  it('has examples of both commands to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(examples.some((block) => block.text.startsWith('$ portfolio-rules timeline'))).toBe(true);
    expect(examples.some((block) => block.text.startsWith('$ portfolio-rules render'))).toBe(true);
  });

  it.each(examples.map((block) => [block.line, block] as const))(
    'the example at line %i prints what the page shows',
    async (_, block) => {
      const [command = '', ...expected] = block.text.trimEnd().split('\n');
      const result = await runExample(command);
      // ICS lines end in CRLF; the page shows them as lines.
      const output = (result.stdout + result.stderr).replace(/\r\n/g, '\n').trimEnd();
      if (block.comments.includes('run: start')) expect(output.startsWith(expected.join('\n'))).toBe(true);
      else expect(output).toBe(expected.join('\n'));
    },
  );

  it('shows a JSON entry exactly as the command writes it', async () => {
    const shown = codeBlocks(page).find(
      (block) => block.language === 'json' && block.comments.includes('timeline-entry'),
    );
    const command = examples.find(
      (block) =>
        block.text.includes('fixtures/timeline/pack.yaml') && block.text.startsWith('$ portfolio-rules timeline'),
    )!;
    const result = await runExample(`${command.text.split('\n')[0]!.replace(' --lang en', '')} --format json`);
    expect(parseJson<TimelineJson>(result.stdout).entries[0]).toEqual(JSON.parse(shown!.text));
  });

  it('documents every option of both commands', async () => {
    const { COMMANDS } = await import('../src/commands');
    const { optionsOf } = await import('../src/_lib/args');
    for (const command of COMMANDS.filter((candidate) => ['timeline', 'render'].includes(candidate.name))) {
      expect(page).toContain(`## ${command.name}`);
      for (const option of Object.keys(optionsOf(command)).filter((name) => name !== 'help'))
        expect(page).toContain(`--${option}`);
    }
  });
});
