import type { Finding } from '@portfolio-rules/core';
import { createFinding, DATASET_CODES } from '@portfolio-rules/core';

export type Encoding = 'utf-8' | 'big5';

/** A batch of complete lines and the number of the first. */
export interface LineBatch {
  readonly lines: readonly string[];
  readonly first: number;
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
 * Decodes a byte stream into lines, batch by batch, in bounded memory: UTF-8 with or without a BOM
 * (or Big5 when asked). Bytes that are not UTF-8 end the stream with PR8010 (they read as Big5) or
 * PR8011. A final line break does not start an extra line; `\r\n` endings are read as `\n`.
 */
export async function* decodeLines(chunks: AsyncIterable<Uint8Array>, file: string, encoding: Encoding = 'utf-8'): AsyncGenerator<LineBatch | { readonly finding: Finding }> {
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
        finding: encoding === 'utf-8' && looksBig5(chunk)
          ? createFinding(DATASET_CODES.big5Encoding, { file }, context)
          : createFinding(DATASET_CODES.notUtf8, { file, offset: offset + firstInvalidUtf8(chunk) }, context),
      };
      return;
    }
    offset += chunk.length;
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    if (lines.length === 0) continue;
    yield { lines: lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)), first: next };
    next += lines.length;
  }
  try {
    rest += decoder.decode();
  } catch {
    yield { finding: createFinding(DATASET_CODES.notUtf8, { file, offset }, { rule: 'dataset.encoding', subject: file, position: { file, line: next, column: 1 } }) };
    return;
  }
  if (rest !== '') yield { lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest], first: next };
}
