import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './format';

const committed = fileURLToPath(new URL('../../scenario.schema.json', import.meta.url));

describe('scenario.schema.json', () => {
  it('is up to date with the scenario format (run `node scripts/write-schema.mjs` after building)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  it('describes the keys in both languages for editor completion', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.expect?.description).toContain('預期結果');
    expect(schema.properties.expect?.description).toContain('what must come out');
  });
});
