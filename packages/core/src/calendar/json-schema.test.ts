import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calendarJsonSchema } from './json-schema';

const committed = fileURLToPath(new URL('../../calendar.schema.json', import.meta.url));
const example = fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url));

describe('calendar.schema.json', () => {
  it('is up to date with the zod schema (run `node scripts/write-schema.mjs` after building)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(`${JSON.stringify(calendarJsonSchema(), null, 2)}\n`);
  });

  it('offers every anchor for completion, described in both languages', () => {
    const schema = calendarJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.terms?.description).toContain('學期');
    expect(JSON.stringify(schema)).toContain('closingCeremony');
  });

  it('is what the example calendar points its editor at', () => {
    expect(readFileSync(example, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../packages/core/calendar.schema.json',
    );
  });
});
