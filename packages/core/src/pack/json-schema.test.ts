import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from './json-schema';

const committed = fileURLToPath(new URL('../../pack.schema.json', import.meta.url));

describe('pack.schema.json', () => {
  it('is up to date with the zod schema (run `pnpm schema:write` after changing it)', () => {
    const current = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
    expect(readFileSync(committed, 'utf8')).toBe(current);
  });

  it('describes keys in both languages for editor completion', () => {
    const schema = packJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.caps?.description).toContain('件數規定');
    expect(schema.properties.caps?.description).toContain('caps');
  });
});
