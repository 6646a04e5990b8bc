// Writes packages/core/pack.schema.json, calendar.schema.json and scenario.schema.json from the built core (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { calendarJsonSchema, packJsonSchema, scenarioJsonSchema } from '../packages/core/dist/index.js';

for (const [name, schema] of [
  ['pack.schema.json', packJsonSchema],
  ['calendar.schema.json', calendarJsonSchema],
  ['scenario.schema.json', scenarioJsonSchema],
]) {
  const target = new URL(`../packages/core/${name}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema(), null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
