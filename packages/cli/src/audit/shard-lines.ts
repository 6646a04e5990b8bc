import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { looksUtf16 } from '../_lib/encodings';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const COLON = 0x3a;
const KEY = Buffer.from('"school"');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHUNK = 4 << 20;

/** Which shard a line belongs to, by the school it names (`''` for none): the first school seen goes to shard 0, the next to shard 1 … */
export interface ShardSpec {
  readonly shard: number;
  readonly shards: number;
}

/** What one shard's scan ends with: every line read, or a file that is not UTF-8 throughout (the one-thread reader says where). */
export type ShardScan = 'read' | 'notUtf8' | 'stopped';

/** Where the value of `"school": "<value>"` lies in a line's bytes, found without parsing; `undefined` when there is none. The audit checks it against the parsed record. */
function schoolAt(
  buffer: Buffer,
  key: number,
  end: number,
): { readonly from: number; readonly to: number } | undefined {
  let at = key + KEY.length;
  const skip = () => {
    while (at < end && (buffer[at] === 0x20 || buffer[at] === 0x09 || buffer[at] === RETURN)) at++;
  };
  skip();
  if (at >= end || buffer[at] !== COLON) return undefined;
  at++;
  skip();
  if (at >= end || buffer[at] !== QUOTE) return undefined;
  const close = buffer.indexOf(QUOTE, at + 1);
  return close < 0 || close >= end ? undefined : { from: at + 1, to: close };
}

/** The bytes of the byte-order mark that starts the text, which the reader strips (3, or 0 without one). */
function bom(buffer: Buffer, filled: number): number {
  return filled >= 3 && buffer.compare(BOM, 0, 3, 0, 3) === 0 ? 3 : 0;
}

/**
 * One shard's lines of an NDJSON file, read as bytes by a worker thread of its own: every line is
 * numbered and its school found by a byte scan, and only the shard's lines are decoded and handed
 * to `onLine` (which may return `false` to stop). The lines are those the one-thread reader yields
 * (a byte-order mark stripped, `\r\n` read as `\n`, no extra line after a final line break); a file
 * that is not UTF-8 throughout (or looks UTF-16) is left to that reader, which says which lines are not.
 */
export function scanShard(
  path: string,
  spec: ShardSpec,
  onLine: (text: string, line: number, school: string) => boolean | undefined,
  onProgress: (bytes: number) => void,
): ShardScan {
  const shardOf = new Map<string, number>();
  // Consecutive lines mostly name the same school: its bytes are compared before any decoding.
  let last = { bytes: Buffer.alloc(0), school: '', shard: -1 };
  const claim = (buffer: Buffer, value: { readonly from: number; readonly to: number } | undefined) => {
    if (
      value
        ? last.bytes.length === value.to - value.from &&
          buffer.compare(last.bytes, 0, last.bytes.length, value.from, value.to) === 0
        : last.school === '' && last.shard >= 0
    )
      return last;
    const school = value ? buffer.toString('utf8', value.from, value.to) : '';
    let shard = shardOf.get(school);
    if (shard === undefined) shardOf.set(school, (shard = shardOf.size % spec.shards));
    last = { bytes: value ? Buffer.from(buffer.subarray(value.from, value.to)) : Buffer.alloc(0), school, shard };
    return last;
  };
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    let before = 0;
    let line = 1;
    let start = -1;
    for (;;) {
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const count = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += count;
      const end = count === 0;
      if (start < 0) {
        // UTF-16 text is valid UTF-8 byte by byte: the one-thread reader says what it is.
        if (looksUtf16(buffer.subarray(0, filled))) return 'notUtf8';
        start = bom(buffer, filled);
      }
      const complete = end ? filled : buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
      if (complete === 0 && !end) continue;
      if (!isUtf8(buffer.subarray(start, complete))) return 'notUtf8';
      let key = -1;
      for (let from = start; from < complete; line++) {
        let next = buffer.indexOf(NEWLINE, from);
        if (next < 0 || next >= complete) next = complete;
        const stop = next > from && buffer[next - 1] === RETURN ? next - 1 : next;
        // The next `"school"` is looked up once and reused until passed, so lines without one cost no rescans.
        if (key !== -2 && key < from) key = buffer.indexOf(KEY, from);
        if (key === -1) key = -2;
        const { school, shard } = claim(buffer, key >= 0 && key < stop ? schoolAt(buffer, key, stop) : undefined);
        if (shard === spec.shard && onLine(buffer.toString('utf8', from, stop), line, school) === false)
          return 'stopped';
        from = next + 1;
      }
      onProgress(before + complete);
      if (end) return 'read';
      buffer.copy(buffer, 0, complete, filled);
      before += complete;
      filled -= complete;
      start = 0;
    }
  } finally {
    closeSync(fd);
  }
}
