import type { Language } from '@portfolio-rules/core';
import type { Output } from '../command';
import { displayWidth } from '../_lib/width';

/**
 * Inputs smaller than this get no bar: one thread audits about 50 MB a second (bench/README.md), so
 * below 32 MiB the audit is over in well under a second, before a bar could tell anyone anything.
 * One school's data (about 1,700 students) is some 25 MB; a city's cohorts run to gigabytes.
 */
export const PROGRESS_FROM_BYTES = 32 * 1024 * 1024;
/** At most ten frames a second: enough to look alive, too few to cost anything or flood a slow terminal. */
export const FRAME_MS = 100;
const BAR_MAX = 30;
const BAR_MIN = 10;

/** The terminal stderr is when it is one: Node's tty.WriteStream has `isTTY` and `columns`. */
export type ProgressOutput = Output & { readonly isTTY?: boolean; readonly columns?: number };

export interface Progress {
  /** `bytes` of the input read so far (never fewer than before), `records` the lines read. */
  update(bytes: number, records: number): void;
  /** Clears the line, if one was drawn. */
  done(): void;
}

const TEXT = {
  'zh-TW': {
    records: (count: string) => `${count} 筆`,
    rate: (count: string) => `每秒 ${count} 筆`,
    left: (time: string) => `約剩 ${time}`,
  },
  en: {
    records: (count: string) => `${count} records`,
    rate: (count: string) => `${count}/s`,
    left: (time: string) => `${time} left`,
  },
} as const;

const number = (value: number) => Math.round(value).toLocaleString('en-US');

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60
    ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
    : `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * One frame, at most `columns - 1` wide: the bar shrinks first, then the time left, the rate and the
 * count drop out. ASCII only but for the Chinese words: `█`, `░` and `·` are "ambiguous width" and
 * take two columns in many CJK terminals, which would wrap the line.
 */
export function progressLine(
  fraction: number,
  records: number,
  elapsedMs: number,
  columns: number,
  language: Language,
): string {
  const text = TEXT[language];
  const parts = [`${String(Math.floor(fraction * 100)).padStart(3)}%`, text.records(number(records))];
  if (elapsedMs > 0) parts.push(text.rate(number((records * 1000) / elapsedMs)));
  if (fraction > 0 && fraction < 1 && elapsedMs >= 1000)
    parts.push(text.left(clock((elapsedMs * (1 - fraction)) / fraction)));
  const room = columns - 1;
  while (parts.length > 1 && displayWidth(parts.join(' | ')) > room) parts.pop();
  const line = parts.join(' | ');
  const cells = Math.min(BAR_MAX, room - displayWidth(line) - 3);
  if (cells < BAR_MIN) return line;
  const full = Math.floor(fraction * cells);
  return `[${'#'.repeat(full)}${'.'.repeat(cells - full)}] ${line}`;
}

/**
 * A progress bar on stderr — the bytes of the input read over their total, the records read, the
 * rate and the time left — redrawn in place (`\r`) at most ten times a second and cleared at the
 * end, when stderr is a terminal and the input is large; nothing otherwise, so pipes, files and CI
 * logs stay clean. `now` is the clock (milliseconds); tests pass their own.
 */
export function createProgress(
  stderr: ProgressOutput,
  totalBytes: number,
  language: Language,
  now: () => number = () => performance.now(),
): Progress {
  if (stderr.isTTY !== true || totalBytes < PROGRESS_FROM_BYTES) return { update() {}, done() {} };
  const started = now();
  let drawnAt = -Infinity;
  let drawn = 0;
  let read = 0;
  let whole = false;
  return {
    update(bytes, records) {
      read = Math.min(totalBytes, Math.max(read, bytes));
      const at = now();
      // The frame that reaches 100 % is drawn whatever the clock says, and once.
      const last = read === totalBytes && !whole;
      if (at - drawnAt < FRAME_MS && !last) return;
      drawnAt = at;
      whole = read === totalBytes;
      const line = progressLine(read / totalBytes, records, at - started, stderr.columns ?? 80, language);
      const width = displayWidth(line);
      stderr.write(`\r${line}${' '.repeat(Math.max(0, drawn - width))}`);
      drawn = width;
    },
    done() {
      if (drawn > 0) stderr.write(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
  };
}
