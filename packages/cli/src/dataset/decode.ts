import type { FindingBase } from '@portfolio-rules/core';
import { createFinding, DATASET_CODES } from '@portfolio-rules/core/internal';

export type Encoding = 'utf-8' | 'big5';

/**
 * The complete lines of one chunk, numbered from `first`. They are handed out one by one by
 * `forEach`, sliced from the chunk's text as they go: no array of a chunk's lines is ever built.
 */
export interface LineBatch {
  readonly first: number;
  /** Calls `onLine` with each line (without its `\n` or `\r\n`) and its number, in order. */
  forEach(onLine: (line: string, number: number) => void): void;
}

/** text[start, end) without a final `\r`. */
function lineAt(text: string, start: number, end: number): string {
  return end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}

/**
 * A batch of `head` (the first line, whole) and the lines of text[from, last], which ends at a
 * `\n`. `count` says how many lines it holds, walking them if `forEach` has not.
 */
function batchOf(
  head: string,
  text: string,
  from: number,
  last: number,
  first: number,
): LineBatch & { count(): number } {
  let count = -1;
  const forEach = (onLine: (line: string, number: number) => void) => {
    let number = first;
    onLine(lineAt(head, 0, head.length), number++);
    for (let start = from; start <= last;) {
      const end = text.indexOf('\n', start);
      onLine(lineAt(text, start, end), number++);
      start = end + 1;
    }
    count = number - first;
  };
  const counted = () => {
    if (count < 0) forEach(() => undefined);
    return count;
  };
  return { first, forEach, count: counted };
}

const BOM = [0xef, 0xbb, 0xbf];

function startsWithBom(chunk: Uint8Array): boolean {
  return BOM.every((byte, index) => chunk[index] === byte);
}

/** Whether bytes read as Big5 text: Chinese characters, no undecodable bytes, no control or private-use characters. */
function looksBig5(chunk: Uint8Array): boolean {
  const text = new TextDecoder('big5').decode(chunk, { stream: true });
  return /[\u4e00-\u9fff]/.test(text) && !/[\ufffd\u0080-\u009f\ue000-\uf8ff]/.test(text);
}

/** The offset of the first byte that is not valid UTF-8 in a chunk. */
function firstInvalidUtf8(chunk: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(chunk, { stream: true });
  const bad = text.indexOf('\uFFFD');
  return Buffer.byteLength(bad < 0 ? text : text.slice(0, bad));
}

/**
 * Decodes a byte stream into lines, a chunk's batch at a time, in bounded memory: UTF-8 with or
 * without a BOM (or Big5 when asked). Bytes that are not UTF-8 end the stream with PR8010 (they
 * read as Big5) or PR8011. A final line break does not start an extra line; `\r\n` endings are
 * read as `\n`.
 */
export async function* decodeLines(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  encoding: Encoding = 'utf-8',
): AsyncGenerator<LineBatch | { readonly finding: FindingBase }> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let rest = '';
  let next = 1;
  let offset = 0;
  let first = true;
  for await (const raw of chunks) {
    let chunk = raw;
    if (first && encoding === 'utf-8' && startsWithBom(chunk)) chunk = chunk.subarray(3);
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const context = { rule: 'dataset.encoding', subject: file, position: { file, line: next, column: 1 } };
      yield {
        finding:
          encoding === 'utf-8' && looksBig5(chunk)
            ? createFinding(DATASET_CODES.big5Encoding, { file }, context)
            : createFinding(DATASET_CODES.notUtf8, { file, offset: offset + firstInvalidUtf8(chunk) }, context),
      };
      return;
    }
    offset += chunk.length;
    // Lines are sliced from the decoded chunk; joining `rest` to the whole chunk first would copy it (and costs more than the slicing).
    const firstBreak = text.indexOf('\n');
    if (firstBreak < 0) {
      rest += text;
      continue;
    }
    const last = text.lastIndexOf('\n');
    const batch = batchOf(rest + text.slice(0, firstBreak), text, firstBreak + 1, last, next);
    rest = text.slice(last + 1);
    yield batch;
    next += batch.count();
  }
  try {
    rest += decoder.decode();
  } catch {
    yield {
      finding: createFinding(
        DATASET_CODES.notUtf8,
        { file, offset },
        { rule: 'dataset.encoding', subject: file, position: { file, line: next, column: 1 } },
      ),
    };
    return;
  }
  if (rest !== '') yield batchOf(rest, '', 0, -1, next);
}
