import { describe, expect, it } from 'vitest';
import { clip, ECHO_WIDTH } from './clip';

describe('clip', () => {
  it('leaves a short value alone', () => {
    expect(clip('2024-02-30')).toBe('2024-02-30');
    expect(clip('x'.repeat(ECHO_WIDTH))).toBe('x'.repeat(ECHO_WIDTH));
  });

  it('cuts a long value to the width, ending in an ellipsis', () => {
    const cut = clip('9'.repeat(2_000_000));
    expect(cut).toHaveLength(ECHO_WIDTH);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const text = '𠀀'.repeat(150) + '學'.repeat(150);
    const cut = clip(text);
    expect(Array.from(cut)).toHaveLength(ECHO_WIDTH);
    expect(cut.startsWith('𠀀'.repeat(150))).toBe(true);
    expect(clip('𠀀'.repeat(ECHO_WIDTH))).toBe('𠀀'.repeat(ECHO_WIDTH));
  });
});
