import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../src/formatters/json';
import { writeJson } from '../src/formatters/json-pieces';
import { RAW_CONTROL } from './raw-controls';

function written(value: unknown): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJson(value, { write: (text: string) => pieces.push(text) });
  return { text: pieces.join(''), pieces };
}

const stringified = jsonText;

/** JSON values and what JSON.stringify leaves out or converts: undefined, functions, dates, maps, deep nesting. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.date({ noInvalidDate: true }),
    fc.constant(new Map([[1, 2]])),
    fc.string({ unit: 'grapheme' }),
    fc.string({
      unit: fc.constantFrom('a', '期', '\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u2028', '\u007f', '"'),
    }),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 3, noNullPrototype: false }),
  ),
})).node;

describe('writeJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) returns, and a newline, with no raw control character', () => {
    fc.assert(
      fc.property(value, (item) => {
        const { text } = written(item);
        expect(text).toBe(stringified(item));
        expect(text.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
        const json = JSON.stringify(item, null, 2);
        if (json !== undefined) expect(JSON.parse(text)).toEqual(JSON.parse(json));
      }),
      { seed: 42, numRuns: Number(process.env.FC_NUM_RUNS ?? 500) },
    );
  });

  it('writes a large report in pieces of about 64 KiB, never as one string', () => {
    const findings = Array.from({ length: 3000 }, (_, index) => ({
      code: 'PR3001',
      subject: `S01/${index}`,
      message: { 'zh-TW': '多元表現每學年至多上傳 15 件', en: 'at most 15 diverse performances' },
    }));
    const report = { version: 1, audit: { findings, schools: [{ school: 'S01', findings }] } };
    const { text, pieces } = written(report);
    expect(text).toBe(stringified(report));
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(80 * 1024);
  });

  it('writes scalars, empty containers and values JSON leaves out as JSON.stringify does', () => {
    for (const item of [
      1,
      'text',
      null,
      true,
      [],
      {},
      [undefined, () => 1],
      { gone: undefined, kept: 1 },
      new Date(0),
      Object.create(null) as object,
    ])
      expect(written(item).text).toBe(stringified(item));
  });
});
