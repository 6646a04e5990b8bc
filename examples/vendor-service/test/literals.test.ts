import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlValue, withLiterals } from '../src/db/database';

// The last statement of a decision is sent with its commit, its parameters written in as literals:
// every value must reach PostgreSQL exactly as a parameter would.
describe('parameters written as literals', () => {
  let db: PGlite;
  beforeAll(async () => void (db = await PGlite.create()));
  afterAll(() => db.close());

  it('give back every text, number, boolean, null and text array as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('\0')),
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        fc.array(fc.string().filter((text) => !text.includes('\0'))),
        fc.boolean(),
        async (text, number, texts, flag) => {
          const sql = withLiterals('select $1::text as t, $2::float8 as n, $3 as a, $4::boolean as b, $5::text as z', [
            text,
            number,
            texts,
            flag,
            null,
          ]);
          const { rows } = await db.query<{ t: string; n: number; a: string[]; b: boolean; z: null }>(sql);
          expect(rows[0]).toEqual({ t: text, n: number === 0 ? 0 : number, a: texts, b: flag, z: null });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('write each value once: a value that looks like a parameter stays a text', async () => {
    const sql = withLiterals('select $1::text as a, $2::text as b', ["$2 ' \\' ; commit; --", '$1']);
    expect((await db.query(sql)).rows[0]).toEqual({ a: "$2 ' \\' ; commit; --", b: '$1' });
  });

  it('refuse what has no literal, and a missing parameter', () => {
    expect(() => sqlValue({ a: 1 })).toThrow(TypeError);
    expect(() => sqlValue(Number.NaN)).toThrow(TypeError);
    expect(() => sqlValue('a\0b')).toThrow(TypeError);
    expect(() => withLiterals('select $2', ['only one'])).toThrow(RangeError);
  });
});
