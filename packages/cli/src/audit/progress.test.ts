import { describe, expect, it } from 'vitest';
import { displayWidth } from '../_lib/width';
import { createProgress, FRAME_MS, PROGRESS_FROM_BYTES, progressLine } from './progress';

const MiB = 1024 * 1024;

/** A fake stderr: a terminal or a pipe, `columns` wide, recording what is written. */
const sink = (isTTY: boolean, columns = 80) => {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (text: string) => writes.push(text) };
};

/** A fake clock the test moves by hand. */
const clock = () => {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

const percents = (writes: readonly string[]) =>
  writes.filter((text) => /\d+%/.test(text)).map((text) => Number(/(\d+)%/.exec(text)![1]));

describe('createProgress', () => {
  it('draws on a terminal for a large input: the bar, the percent of bytes read, the records, the rate and the time left', () => {
    const terminal = sink(true);
    const time = clock();
    const progress = createProgress(terminal, 100 * MiB, 'en', time.now);
    time.advance(2000);
    progress.update(25 * MiB, 150_000);
    expect(terminal.writes).toHaveLength(1);
    expect(terminal.writes[0]).toBe(
      `\r[${'#'.repeat(7)}${'.'.repeat(23)}]  25% | 150,000 records | 75,000/s | 0:06 left`,
    );
  });

  it('writes nothing to a pipe, a file or a CI log, nor for an input below the threshold', () => {
    for (const [output, total] of [
      [sink(false), 500 * MiB],
      [sink(true), PROGRESS_FROM_BYTES - 1],
    ] as const) {
      const time = clock();
      const progress = createProgress(output, total, 'en', time.now);
      for (let step = 1; step <= 20; step++) {
        time.advance(1000);
        progress.update((step * total) / 20, step * 1000);
      }
      progress.done();
      expect(output.writes).toEqual([]);
    }
  });

  it('redraws at most ten times a second, never goes back, reaches 100 % and clears its line at the end', () => {
    const terminal = sink(true);
    const time = clock();
    const total = 64 * MiB;
    const progress = createProgress(terminal, total, 'zh-TW', time.now);
    // 2,000 updates over 2 seconds, the bytes sometimes reported lower than before (the slower of two workers).
    for (let step = 1; step <= 2000; step++) {
      time.advance(1);
      progress.update(Math.min(total, ((step % 7 === 0 ? step - 50 : step) * total) / 2000), step * 10);
    }
    progress.update(total, 20_000);
    const frames = terminal.writes.length;
    expect(frames).toBeLessThanOrEqual(2000 / FRAME_MS + 2);
    expect(frames).toBeGreaterThanOrEqual(10);
    const shown = percents(terminal.writes);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.at(-1)).toBe(100);
    expect(terminal.writes.at(-1)).toContain('20,000 筆');
    progress.done();
    const width = displayWidth(terminal.writes.at(-2)!.slice(1).trimEnd());
    expect(terminal.writes.at(-1)).toBe(`\r${' '.repeat(width)}\r`);
  });
});

describe('progressLine', () => {
  it('fits the terminal: a narrower one gets a shorter bar, then drops the time left and the rate; CJK text counts two columns', () => {
    const widths = [120, 80, 60, 40, 24].map((columns) => {
      const line = progressLine(0.5, 1_234_567, 10_000, columns, 'zh-TW');
      expect(displayWidth(line)).toBeLessThanOrEqual(columns - 1);
      return line;
    });
    const text = ' 50% | 1,234,567 筆 | 每秒 123,457 筆 | 約剩 0:10';
    expect(widths[0]).toBe(`[${'#'.repeat(15)}${'.'.repeat(15)}] ${text}`);
    expect(widths[1]).toBe(`[${'#'.repeat(13)}${'.'.repeat(14)}] ${text}`);
    expect(widths[2]).toBe(text);
    expect(widths[3]).toBe(' 50% | 1,234,567 筆 | 每秒 123,457 筆');
    expect(widths[4]).toBe(' 50% | 1,234,567 筆');
  });
});
