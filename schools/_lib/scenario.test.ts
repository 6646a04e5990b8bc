import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHOOLS_DIR } from './packs';
import { scenarioJsonSchema } from '@portfolio-rules/core';

const committed = join(SCHOOLS_DIR, 'scenario.schema.json');

describe('schools/scenario.schema.json', () => {
  it('is up to date with the scenario format (regenerate: WRITE_SCENARIO_SCHEMA=1 npx vitest run schools/_lib/scenario.test.ts)', () => {
    const current = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (process.env.WRITE_SCENARIO_SCHEMA === '1') writeFileSync(committed, current);
    expect(readFileSync(committed, 'utf8')).toBe(current);
  });

  it('describes the keys in both languages for editor completion', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.expect?.description).toContain('預期結果');
    expect(schema.properties.expect?.description).toContain('what must come out');
  });
});
