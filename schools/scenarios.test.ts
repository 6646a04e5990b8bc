// One runner for every scenario of every pack (docs/reference/scenarios.md). A failing scenario
// prints the clause, the title and the decision's explanation, in Chinese and English.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codeBlocks } from '../docs/markdown-blocks';
import { bundledOverlays, REPO_DIR, SCHOOLS_DIR, schoolFolders } from './_lib/packs';
import { runScenario } from './_lib/run';
import { ScenarioSchema } from './_lib/scenario';

const overlays = bundledOverlays();

/** Runs a scenario's text against the pack in `schools/<folder>/`; on failure, the clause, the title and the explanation. */
function check(folder: string, text: string, where: string): void {
  const parsed = ScenarioSchema.safeParse(parse(text));
  if (!parsed.success) {
    throw new Error(
      `${where} is not a valid scenario:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const scenario = parsed.data;
  const outcome = runScenario(folder, scenario, overlays);
  const report = [
    `${outcome.document} ${scenario.clause} — ${scenario.title} (${where})`,
    ...outcome.failures.map((failure) => `  ✗ ${failure}`),
    '  explanation:',
    ...outcome.explanation.map((line) => `    ${line}`),
  ].join('\n');
  expect(outcome.failures, report).toEqual([]);
}

for (const folder of schoolFolders()) {
  const dir = join(SCHOOLS_DIR, folder, 'scenarios');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
    : [];
  if (files.length === 0) continue;
  describe(folder, () => {
    it.each(files)('%s', (name) =>
      check(folder, readFileSync(join(dir, name), 'utf8'), `schools/${folder}/scenarios/${name}`),
    );
  });
}

describe('docs/reference/scenarios.md', () => {
  const page = join(REPO_DIR, 'docs', 'reference', 'scenarios.md');
  const examples = codeBlocks(readFileSync(page, 'utf8')).flatMap((block) => {
    const folder = block.comments.map((comment) => /^scenario:\s*(\S+)$/.exec(comment)?.[1]).find(Boolean);
    return folder ? [{ folder, block }] : [];
  });

  it('has runnable examples', () => expect(examples.length).toBeGreaterThan(0));
  it.each(examples.map(({ folder, block }) => [`line ${block.line} (${folder})`, folder, block.text] as const))(
    '%s',
    (name, folder, text) => check(folder, text, `docs/reference/scenarios.md, the example at ${name}`),
  );
});
