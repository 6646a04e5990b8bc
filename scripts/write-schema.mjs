// Writes packages/core/pack.schema.json from the built core (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { packJsonSchema } from '../packages/core/dist/index.js';

const target = new URL('../packages/core/pack.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
