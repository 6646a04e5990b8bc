import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import packSchema from '../../core/pack.schema.json';
import scenarioSchema from '../../core/scenario.schema.json';
import { completionsAt, hoverAt } from '../src/schema/hints';
import type { JsonSchema } from '../src/schema/lookup';
import { placeAt } from '../src/schema/path';

// Completion and hover from the shipped JSON Schemas, on text as it is being typed.

const PACK = packSchema as JsonSchema;
const MAGONG = readFileSync(new URL('../../../schools/magong/pack.yaml', import.meta.url), 'utf8');
/** The text with the cursor where `|` is. */
const at = (marked: string) => ({ text: marked.replace('|', ''), offset: marked.indexOf('|') });
const labels = (schema: JsonSchema, marked: string) => {
  const { text, offset } = at(marked);
  return completionsAt(schema, text, offset)?.options.map((option) => option.label) ?? [];
};

describe('where the cursor is', () => {
  it('reads the path of keys from indentation, through sequences and flow mappings', () => {
    const offset = MAGONG.indexOf('select: { max: 10');
    expect(placeAt(MAGONG, offset)).toMatchObject({ path: ['caps', 'diversePerformance'], kind: 'key' });
    expect(placeAt('windows:\n  - activity: upload\n    clo', 37)).toMatchObject({
      path: ['windows', '[]'],
      kind: 'key',
      word: 'clo',
    });
    expect(placeAt('windows:\n- activity: upload\n- ', 31)).toMatchObject({ path: ['windows', '[]'], kind: 'key' });
    expect(placeAt('kind: sch', 9)).toMatchObject({ path: [], kind: 'value', key: 'kind', word: 'sch' });
  });
});

describe('completion from the pack schema', () => {
  it('offers the keys allowed at the cursor, required ones first, with their descriptions', () => {
    expect(labels(PACK, 'caps:\n  |')).toEqual(expect.arrayContaining(['courseOutcome', 'diversePerformance']));
    expect(labels(PACK, 'caps:\n  diversePerformance:\n    |')).toEqual(expect.arrayContaining(['upload', 'select']));
    const { text, offset } = at('ap|');
    const appliesFrom = completionsAt(PACK, text, offset)?.options.find((option) => option.label === 'appliesFrom');
    expect(appliesFrom).toMatchObject({
      apply: 'appliesFrom: ',
      info: expect.stringContaining('適用起始學期') as string,
    });
  });

  it('leaves out what the schema marks doNotSuggest', () => {
    expect(labels(PACK, '|')).not.toContain('$schema');
    expect(labels(PACK, '|')).toContain('id');
  });

  it('offers the values an enumeration allows', () => {
    expect(labels(PACK, 'kind: |')).toEqual(['school', 'overlay']);
    expect(labels(PACK, 'caps:\n  courseOutcome:\n    upload:\n      per: |')).toEqual(
      expect.arrayContaining(['semester', 'academicYear']),
    );
  });

  it('completes the keys of a sequence item (windows) and of a scenario', () => {
    expect(labels(PACK, 'windows:\n  - activity: submission\n    |')).toEqual(
      expect.arrayContaining(['opens', 'closes']),
    );
    expect(labels(scenarioSchema as JsonSchema, '|')).toEqual(
      expect.arrayContaining(['clause', 'title', 'when', 'expect']),
    );
  });

  it('completes inside flow mappings and sequences, as the bundled packs write their values', () => {
    expect(labels(PACK, 'caps:\n  courseOutcome:\n    upload: { max: 6, per: |')).toEqual(
      expect.arrayContaining(['semester', 'academicYear']),
    );
    expect(labels(PACK, 'caps:\n  courseOutcome:\n    upload: { max: 6, |')).toEqual(
      expect.arrayContaining(['max', 'per', 'source']),
    );
    expect(labels(PACK, 'windows:\n  - { activity: submission, closes: { anchor: |')).toEqual(
      expect.arrayContaining(['nationalSubmissionCloses', 'termEnd']),
    );
    expect(labels(PACK, 'windows:\n  - { activity: submission, closes: { anchor: termEnd }, |')).toEqual(
      expect.arrayContaining(['opens', 'minDays']),
    );
    expect(labels(PACK, 'duties:\n  basicData: { owner: registration, deputies: [|')).toEqual(
      expect.arrayContaining(['registration', 'examinations']),
    );
  });

  it('offers the names a map allows for its keys (duties by duty)', () => {
    expect(labels(PACK, 'duties:\n  |')).toEqual(expect.arrayContaining(['basicData', 'cadreSubmission']));
  });

  it('offers nothing in a comment', () => {
    expect(labels(PACK, 'caps:\n  # cour|')).toEqual([]);
    expect(labels(PACK, 'kind: school # sch|')).toEqual([]);
  });

  it('offers nothing where the schema allows nothing', () => {
    expect(labels(PACK, 'name: |')).toEqual([]);
    expect(labels(PACK, 'nosuchkey:\n  |')).toEqual([]);
  });
});

describe('hover', () => {
  it("shows a key's description and the values it allows", () => {
    const offset = MAGONG.indexOf('appliesFrom') + 3;
    expect(hoverAt(PACK, MAGONG, offset)?.text).toContain('適用起始學期');
    expect(hoverAt(PACK, 'kind: school', 1)?.text).toMatch(/school \| overlay$/);
    expect(hoverAt(PACK, 'kind: school', 8)).toBeUndefined();
  });
});
