import { describe, expect, it } from 'vitest';
import { alignColumns, displayWidth } from '../src/_lib/width';

describe('alignColumns: a terminal table', () => {
  it('pads every column but the last to its widest cell and two spaces, counting CJK as two columns', () => {
    const { lines, widths } = alignColumns([
      ['鍵', 'value', 'clause'],
      ['caps.courseOutcome', '6', '五(三)1'],
    ]);
    expect(widths.slice(0, 2)).toEqual([18, 5]);
    expect(lines).toEqual(['鍵                  value  clause', 'caps.courseOutcome  6      五(三)1']);
    expect(displayWidth(lines[0]!.slice(0, lines[0]!.indexOf('value')))).toBe(20);
  });

  it('trims the spaces a short last cell leaves', () => {
    expect(
      alignColumns([
        ['a', ''],
        ['bbb', 'x'],
      ]).lines,
    ).toEqual(['a', 'bbb  x']);
  });
});
