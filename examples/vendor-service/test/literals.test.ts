import { describe, expect, it } from 'vitest';
import { NotStorable, sqlValue } from '../src/db/database';

describe('sqlValue: the arguments written into a batch as literals', () => {
  it('quotes texts by doubling the quote (standard_conforming_strings), leaving backslashes and $ as they are', () => {
    expect(sqlValue("O'Brien")).toBe("'O''Brien'");
    expect(sqlValue("'); drop table items; --")).toBe("'''); drop table items; --'");
    expect(sqlValue('\\x27 $1')).toBe("'\\x27 $1'");
  });
  it('writes numbers, booleans, null and arrays of texts', () => {
    expect([sqlValue(112), sqlValue(-1.5), sqlValue(true), sqlValue(null), sqlValue(undefined)]).toEqual([
      '112',
      '-1.5',
      'true',
      'null',
      'null',
    ]);
    expect(sqlValue(['PR3001', "a'b"])).toBe("array['PR3001', 'a''b']::text[]");
    expect(sqlValue([])).toBe("'{}'::text[]");
  });
  it('refuses what it cannot write safely: a NUL, a number that is not finite, an object', () => {
    expect(() => sqlValue('a\0b')).toThrow(NotStorable);
    expect(() => sqlValue(Number.NaN)).toThrow(TypeError);
    expect(() => sqlValue(Infinity)).toThrow(TypeError);
    expect(() => sqlValue({ a: 1 })).toThrow(TypeError);
    expect(() => sqlValue([1, 2])).toThrow(TypeError);
  });
});
