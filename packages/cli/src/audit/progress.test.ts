import { describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_FROM } from './progress';

const sink = (isTTY: boolean) => {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
};

describe('createProgress', () => {
  it('draws on a terminal only once the input is large, and clears its line at the end', () => {
    const terminal = sink(true);
    const progress = createProgress(terminal);
    for (let count = 1; count < PROGRESS_FROM; count++) progress.tick();
    expect(terminal.writes).toEqual([]);
    for (let count = 0; count < 20_001; count++) progress.tick();
    expect(terminal.writes.length).toBe(3);
    expect(terminal.writes[2]).toContain('70,000 records');
    progress.done();
    expect(terminal.writes.at(-1)).toMatch(/^\r +\r$/);
  });

  it('never writes to a pipe or a file', () => {
    const pipe = sink(false);
    const progress = createProgress(pipe);
    for (let count = 0; count < 200_000; count++) progress.tick();
    progress.done();
    expect(pipe.writes).toEqual([]);
  });
});
