// Every scenario of every bundled school, run as `portfolio-rules test schools/<school>` runs them
// (docs/reference/scenarios.md). A failing scenario prints what `test` prints: the clause, the title,
// what differs and the decision's explanation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type PreparedScenarioPack, prepareScenarioPack, runScenario } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../docs/markdown-blocks';
import { formatTestStylish } from '../packages/cli/src/scenarios/format';
import { testScenarios } from '../packages/cli/src/scenarios/run';
import { REPO_DIR, schoolFolders } from './_lib/packs';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: REPO_DIR };

for (const folder of schoolFolders()) {
  describe(folder, async () => {
    const run = await testScenarios([`schools/${folder}`], io);
    it('has scenarios', () => expect(run.problems).toEqual([]));
    it.each(run.results.map((result) => [result.file.slice(`schools/${folder}/`.length), result] as const))(
      '%s',
      (_name, result) =>
        expect(result.passed, formatTestStylish({ ...run, results: [result], problems: [] }, 'zh-TW')).toBe(true),
    );
  });
}

describe('docs/reference/scenarios.md', () => {
  const page = join(REPO_DIR, 'docs', 'reference', 'scenarios.md');
  const examples = codeBlocks(readFileSync(page, 'utf8')).flatMap((block) => {
    const folder = block.comments.map((comment) => /^scenario:\s*(\S+)$/.exec(comment)?.[1]).find(Boolean);
    return folder ? [{ folder, block }] : [];
  });

  // Each school's pack audited once for all its examples, as `portfolio-rules test` does.
  const packs = new Map<string, PreparedScenarioPack>();
  const packOf = (folder: string) => {
    const file = `schools/${folder}/pack.yaml`;
    const pack = packs.get(file) ?? prepareScenarioPack({ file, text: readFileSync(join(REPO_DIR, file), 'utf8') });
    packs.set(file, pack);
    return pack;
  };

  it('has runnable examples', () => expect(examples.length).toBeGreaterThan(0));
  it.each(examples.map(({ folder, block }) => [`line ${block.line} (${folder})`, folder, block.text] as const))(
    '%s',
    (_name, folder, text) => {
      const parsed = parseScenario(text);
      expect(parsed.findings.map((finding) => `${finding.code} ${finding.message.en}`)).toEqual([]);
      const outcome = runScenario(parsed.scenario!, packOf(folder));
      expect(
        outcome.failures.map((failure) => failure.message.en),
        outcome.explanation.map((line) => line.en).join('\n'),
      ).toEqual([]);
    },
  );
});
