import type { Output } from '../command';

/** Lines before the progress line appears: small inputs finish before anyone would look. */
export const PROGRESS_FROM = 50_000;
const EVERY = 10_000;

export interface Progress {
  tick(): void;
  done(): void;
}

/**
 * A progress line on stderr (`⏳ 150,000 records …`), redrawn in place, when stderr is a terminal and
 * the input is large; nothing otherwise (pipes, files and CI logs stay clean). A counter, not a timer.
 */
export function createProgress(stderr: Output): Progress {
  const terminal = (stderr as Output & { isTTY?: boolean }).isTTY === true;
  let count = 0;
  let shown = false;
  return {
    tick() {
      count++;
      if (!terminal || count < PROGRESS_FROM || count % EVERY !== 0) return;
      const bar = '█'.repeat(Math.min(20, Math.floor(count / 100_000) + 1)).padEnd(20, '░');
      stderr.write(`\r${bar} ${count.toLocaleString('en-US')} records / 筆`);
      shown = true;
    },
    done() {
      if (shown) stderr.write(`\r${' '.repeat(50)}\r`);
    },
  };
}
