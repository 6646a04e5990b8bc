import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, ScenarioSchema, scenarioPackFile } from '@portfolio-rules/core';
import { bundledOverlays, SCHOOLS_DIR } from '../../schools/_lib/packs';
import { SCENARIOS } from './corpus';
import { fuzz, repeats, TARGET_TIMEOUT_MS } from './harness';
import { editTree, treeEdit } from './mutate';

// Scenario files (docs/reference/scenarios.md) with their given, when and expect mutated: a file the
// schema accepts is run against its school's pack, and the runner answers with failures in words —
// a scenario that no longer holds — never with an exception.

const overlays = bundledOverlays();
/** The pack a scenario names, read from its school's folder; undefined when there is none. */
function packOf(folder: string, name: string) {
  try {
    return { file: `schools/${folder}/${name}`, text: readFileSync(join(SCHOOLS_DIR, folder, name), 'utf8') };
  } catch {
    return undefined;
  }
}
const TREES = SCENARIOS.map(({ text }) => parse(text) as unknown);

const CASE = fc.record({
  seed: fc.nat({ max: SCENARIOS.length - 1 }),
  tree: fc.array(treeEdit, { minLength: 1, maxLength: 2 }),
});

describe('fuzz: scenario files', () => {
  it(
    'runs every mutated scenario the schema accepts to an outcome, never an exception',
    async () => {
      await fuzz('scenario', CASE, ({ seed, tree }, tally, index) => {
        const parsed = ScenarioSchema.safeParse(editTree(TREES[seed], tree));
        if (!parsed.success) {
          tally('refused by the schema');
          return;
        }
        const pack = packOf(SCENARIOS[seed]?.folder ?? '', scenarioPackFile(parsed.data));
        if (!pack) {
          tally('names no pack');
          return;
        }
        const outcome = runScenario(parsed.data, pack, { overlays });
        for (const failure of outcome.failures) expect(typeof failure.message.en).toBe('string');
        for (const line of outcome.explanation)
          expect([typeof line['zh-TW'], typeof line.en]).toEqual(['string', 'string']);
        tally(outcome.failures.length === 0 ? 'holds' : 'fails with reasons');
        if (repeats(index)) expect(runScenario(parsed.data, pack, { overlays })).toEqual(outcome);
      });
    },
    TARGET_TIMEOUT_MS,
  );
});
