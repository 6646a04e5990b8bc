// One runner for every scenario of every pack (docs/reference/scenarios.md). A failing scenario
// prints the clause, the title and the decision's explanation, in Chinese and English.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledOverlays, SCHOOLS_DIR, schoolFolders } from './_lib/packs';
import { runScenario } from './_lib/run';
import { ScenarioSchema } from './_lib/scenario';

const overlays = bundledOverlays();

for (const folder of schoolFolders()) {
  const dir = join(SCHOOLS_DIR, folder, 'scenarios');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort() : [];
  if (files.length === 0) continue;
  describe(folder, () => {
    it.each(files)('%s', (name) => {
      const parsed = ScenarioSchema.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) {
        throw new Error(`schools/${folder}/scenarios/${name} is not a valid scenario:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
      }
      const scenario = parsed.data;
      const outcome = runScenario(folder, scenario, overlays);
      const report = [
        `${scenario.clause} — ${scenario.title} (schools/${folder}/scenarios/${name})`,
        ...outcome.failures.map((failure) => `  ✗ ${failure}`),
        '  explanation:',
        ...outcome.explanation.map((line) => `    ${line}`),
      ].join('\n');
      expect(outcome.failures, report).toEqual([]);
    });
  });
}
