import type { Finding } from '@portfolio-rules/core';
import { createFinding, DATASET_CODES } from '@portfolio-rules/core/internal';
import { looksBig5, looksUtf16, startsWith } from '../_lib/encodings';

/** The encodings `audit --encoding` reads. */
export const ENCODINGS = ['utf-8', 'big5', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * The complete lines of one chunk, numbered from `first`. They are handed out one by one by
 * `forEach`, sliced from the chunk's text as they go: no array of a chunk's lines is ever built.
 */
export interface LineBatch {
  readonly first: number;
  /**
   * Calls `onLine` with each line (without its `\n` or `\r\n`) and its number, in order; a line
   * whose bytes are not text in the file's encoding goes to `onBad` instead, with the finding that
   * says so (PR8011), and the lines after it are read on.
   */
  forEach(onLine: (line: string, number: number) => void, onBad?: (finding: Finding, number: number) => void): void;
}

/** What decodeLines yields: batches of lines, or a finding that ends the file (an encoding that is not the one read). */
export type DecodedBatch = LineBatch | { readonly finding: Finding };

/** text[start, end) without a final `\r`. */
function lineAt(text: string, start: number, end: number): string {
  return end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}

const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/** The offset of the first byte that is not valid UTF-8 in `bytes` (the length when all are). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return Buffer.byteLength(bad < 0 ? text : text.slice(0, bad));
}

/**
 * Decodes a byte stream into lines, a chunk's batch at a time, in bounded memory: UTF-8 with or
 * without a BOM, or Big5, UTF-16LE or UTF-16BE when asked. A final line break does not start an
 * extra line; `\r\n` endings are read as `\n`.
 *
 * Reading UTF-8, a file that looks UTF-16 (PR8023) or Big5 (PR8010) ends with a finding that names
 * the `--encoding` to read it with. Otherwise a line holding bytes that are not text costs that line
 * only (PR8011 at its number, through `onBad`): lines are cut at their `\n` bytes before they are
 * decoded (no UTF-8 or Big5 character holds that byte), so the next line is read as it is.
 */
export async function* decodeLines(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  encoding: Encoding = 'utf-8',
): AsyncGenerator<DecodedBatch> {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    yield* decodeUtf16(chunks, file, encoding);
    return;
  }
  const lines = byteLines(file, encoding);
  /** The bytes of the line under way, before the chunk at hand (a long line spans many). */
  let pending: Uint8Array[] = [];
  for await (const chunk of chunks) {
    const firstBreak = chunk.indexOf(NEWLINE);
    if (firstBreak < 0) {
      pending.push(Buffer.from(chunk));
      continue;
    }
    // The line under way ends at the first break: decoded alone, so that the rest of the chunk is decoded without a copy.
    const head = chunk.subarray(0, firstBreak + 1);
    const last = chunk.lastIndexOf(NEWLINE);
    for (const region of [
      pending.length === 0 ? head : Buffer.concat([...pending, head]),
      chunk.subarray(firstBreak + 1, last + 1),
    ]) {
      const batch = lines.of(region);
      if (!batch) continue;
      yield batch;
      if ('finding' in batch) return;
      lines.after(batch);
    }
    pending = last + 1 < chunk.length ? [Buffer.from(chunk.subarray(last + 1))] : [];
  }
  const batch = pending.length > 0 ? lines.of(Buffer.concat(pending)) : undefined;
  if (batch) yield batch;
}

/**
 * Lines of UTF-8 or Big5 bytes: `of` takes the file's bytes a region of whole lines at a time (each
 * ending at its `\n`, but the file's last) and gives their batch; `after` numbers the next region's
 * lines on from it. The first region is checked for UTF-16 and stripped of its byte-order mark.
 */
function byteLines(file: string, encoding: 'utf-8' | 'big5') {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let next = 1;
  let offset = 0;
  let first = true;
  let checkedBig5 = encoding !== 'utf-8';
  const endsFile = (finding: Finding) => ({ finding });
  const context = () => ({ rule: 'dataset.encoding', subject: file, position: { file, line: next, column: 1 } });
  const notText = (line: number, at: number) =>
    createFinding(
      DATASET_CODES.notUtf8,
      { file, offset: at, ...(encoding !== 'utf-8' && { encoding }) },
      { rule: 'dataset.encoding', subject: `line ${line}`, position: { file, line, column: 1, record: line } },
    );
  const of = (bytes: Uint8Array): (LineBatch & { count(): number }) | { readonly finding: Finding } | undefined => {
    const start = offset;
    offset += bytes.length;
    let region = bytes;
    if (first && encoding === 'utf-8') {
      const utf16 = looksUtf16(region);
      if (utf16) return endsFile(createFinding(DATASET_CODES.utf16Encoding, { file, encoding: utf16 }, context()));
      if (startsWith(region, BOM)) region = region.subarray(BOM.length);
    }
    first = false;
    if (region.length === 0) return undefined;
    const base = start + bytes.length - region.length;
    let text: string | undefined;
    try {
      text = decoder.decode(region);
    } catch {
      if (!checkedBig5) {
        checkedBig5 = true;
        if (looksBig5(region)) return endsFile(createFinding(DATASET_CODES.big5Encoding, { file }, context()));
      }
    }
    const number = next;
    let count = -1;
    const forEach: LineBatch['forEach'] = (onLine, onBad) => {
      let line = number;
      if (text !== undefined) {
        for (let from = 0; from < text.length; line++) {
          let end = text.indexOf('\n', from);
          if (end < 0) end = text.length;
          onLine(lineAt(text, from, end), line);
          from = end + 1;
        }
      } else {
        // Some line here is not text: each is decoded on its own, so that only the bad ones are lost.
        for (let from = 0; from < region.length; line++) {
          let end = region.indexOf(NEWLINE, from);
          if (end < 0) end = region.length;
          const lineBytes = region.subarray(from, end);
          let lineText: string | undefined;
          try {
            lineText = decoder.decode(lineBytes);
          } catch {
            onBad?.(notText(line, base + from + (encoding === 'utf-8' ? firstInvalidUtf8(lineBytes) : 0)), line);
          }
          if (lineText !== undefined) onLine(lineAt(lineText, 0, lineText.length), line);
          from = end + 1;
        }
      }
      count = line - number;
    };
    return {
      first: number,
      forEach,
      count() {
        if (count < 0) forEach(() => undefined);
        return count;
      },
    };
  };
  return {
    of,
    after(batch: LineBatch & { count(): number }) {
      next = batch.first + batch.count();
    },
  };
}

/** A lone surrogate: a UTF-16 code unit that is half of a character whose other half is missing. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * UTF-16 (asked for with `--encoding`): the bytes are read as code units a chunk at a time (an odd
 * last byte waits for the next chunk) and lines are cut in the text, since a `\n` byte may be half of
 * another character. A line holding half a character (a lone surrogate, or a last odd byte) is not
 * text: it costs that line only (PR8011 at its number, through `onBad`), and the next line is read.
 */
async function* decodeUtf16(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<DecodedBatch> {
  /** The text of the line under way, and the offset of its first byte. */
  let rest = '';
  let restOffset = 0;
  let odd: Uint8Array = new Uint8Array(0);
  let next = 1;
  let first = true;
  const notText = (line: number, offset: number) =>
    createFinding(
      DATASET_CODES.notUtf8,
      { file, offset, encoding },
      { rule: 'dataset.encoding', subject: `line ${line}`, position: { file, line, column: 1, record: line } },
    );
  /** The lines of `text`, whose first byte is at `offset`; `broken` marks a last line cut short by an odd byte. */
  const batch = (text: string, offset: number, broken = false) => {
    const number = next;
    const lines = text.split('\n');
    next += lines.length;
    const suspect = broken || LONE_SURROGATE.test(text);
    return {
      first: number,
      forEach(onLine: (line: string, number: number) => void, onBad?: (finding: Finding, number: number) => void) {
        let at = offset;
        lines.forEach((line, index) => {
          const bad = suspect && ((broken && index === lines.length - 1) || LONE_SURROGATE.test(line));
          if (bad) onBad?.(notText(number + index, at), number + index);
          else onLine(lineAt(line, 0, line.length), number + index);
          at += 2 * (line.length + 1);
        });
      },
    };
  };
  for await (const chunk of chunks) {
    const whole = odd.length > 0 ? Buffer.concat([odd, chunk]) : Buffer.from(chunk);
    const even = whole.length & ~1;
    odd = whole.subarray(even);
    const units = encoding === 'utf-16be' ? Buffer.from(whole.subarray(0, even)).swap16() : whole.subarray(0, even);
    let text = units.toString('utf16le');
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        restOffset = 2;
      }
    }
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      rest += text;
      continue;
    }
    const lines = rest + text.slice(0, last);
    const offset = restOffset;
    restOffset += 2 * (lines.length + 1);
    rest = text.slice(last + 1);
    yield batch(lines, offset);
  }
  if (rest !== '' || odd.length > 0) yield batch(rest, restOffset, odd.length > 0);
}
