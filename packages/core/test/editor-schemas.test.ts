// What an author sees in the editor: every key explained in both languages, every pattern in words.
import { describe, expect, it } from 'vitest';
import { UNEXPLAINED_PATTERN, walkJsonSchema } from '../src/_lib/json-schema';
import { calendarJsonSchema, packJsonSchema, scenarioJsonSchema } from '../src/index';

const SCHEMAS = {
  pack: packJsonSchema(),
  'pack (a school folder’s own)': packJsonSchema({ units: ['library'] }),
  scenario: scenarioJsonSchema(),
  calendar: calendarJsonSchema(),
};

const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH = /[a-z]{3}/;

describe.each(Object.entries(SCHEMAS))('the %s JSON Schema', (_name, schema) => {
  it('describes every property in Chinese and English', () => {
    const undescribed: string[] = [];
    walkJsonSchema(schema, (node) => {
      for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, { description?: string }>))
        if (!CHINESE.test(property.description ?? '') || !ENGLISH.test(property.description ?? ''))
          undescribed.push(`${key}: ${property.description ?? '—'}`);
    });
    expect(undescribed).toEqual([]);
  });

  it('says what every pattern asks for in both languages, never the regular expression', () => {
    const patterns: string[] = [];
    walkJsonSchema(schema, (node) => {
      if (typeof node.pattern !== 'string') return;
      const message = String(node.patternErrorMessage);
      if (message === UNEXPLAINED_PATTERN || !CHINESE.test(message) || !ENGLISH.test(message))
        patterns.push(node.pattern);
    });
    expect(patterns).toEqual([]);
  });

  it('never offers `$schema` as a key (the first-line comment names the schema)', () => {
    const properties = (schema as { properties: Record<string, { doNotSuggest?: boolean }> }).properties;
    expect(properties.$schema?.doNotSuggest ?? true).toBe(true);
  });
});

describe('unit and role ids', () => {
  const owner = (schema: Record<string, unknown>) => {
    let found: Record<string, unknown> | undefined;
    walkJsonSchema(schema, (node) => {
      if (String(node.description).startsWith('主責單位或角色')) found ??= node;
    });
    return found!;
  };

  it("a school folder's pack schema lists the known ones and the school's own, and nothing else", () => {
    const ids = owner(packJsonSchema({ units: ['library'] })).enum as string[];
    expect(ids).toEqual(
      expect.arrayContaining(['registration', 'teaching', 'courseTeacher', 'departmentTeacher', 'library']),
    );
    expect(ids).not.toContain('registraton');
  });

  it('the schema core ships offers them for completion and accepts any identifier (a pack may declare units)', () => {
    const { anyOf } = owner(packJsonSchema()) as { anyOf: [{ enum: string[] }, { pattern: string }] };
    expect(anyOf[0].enum).toContain('registration');
    expect(anyOf[0].enum).not.toContain('library');
    expect(anyOf[1].pattern).toBe('^[a-zA-Z][a-zA-Z0-9-]*$');
  });
});
