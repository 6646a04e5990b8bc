/** What a file's bytes look like when they are not UTF-8: the encodings Taiwanese exports come in. */

/** Whether the bytes start with `start`. */
export const startsWith = (bytes: Uint8Array, start: readonly number[]) =>
  start.every((byte, index) => bytes[index] === byte);

/** Whether bytes read as Big5 text: Chinese characters, no undecodable bytes, no control or private-use characters. */
export function looksBig5(bytes: Uint8Array): boolean {
  const text = new TextDecoder('big5').decode(bytes);
  return /[\u4e00-\u9fff]/.test(text) && !/[\ufffd\u0080-\u009f\ue000-\uf8ff]/.test(text);
}

/**
 * The UTF-16 a file's first bytes look like: a byte-order mark, or text in which every other byte
 * is zero (ASCII in UTF-16). UTF-8 text holds no zero bytes.
 */
export function looksUtf16(chunk: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(chunk, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(chunk, [0xfe, 0xff])) return 'utf-16be';
  const sample = Math.min(chunk.length, 1024) & ~1;
  let odd = 0;
  let even = 0;
  for (let index = 0; index < sample; index += 2) {
    if (chunk[index] === 0) even++;
    if (chunk[index + 1] === 0) odd++;
  }
  // A character such as 一 (U+4E00) has a zero byte too: a few on the other side are allowed.
  if (sample >= 4 && odd >= sample / 4 && even <= odd / 8) return 'utf-16le';
  if (sample >= 4 && even >= sample / 4 && odd <= even / 8) return 'utf-16be';
  return undefined;
}

/**
 * A text file's bytes as UTF-8 text (a byte-order mark dropped), or the encoding they look like
 * when they are not: `utf-16le`, `utf-16be`, `big5`, or `unknown` for other bytes that are not UTF-8.
 */
export function utf8Text(bytes: Uint8Array): { readonly text: string } | { readonly encoding: string } {
  const utf16 = looksUtf16(bytes);
  if (utf16) return { encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: looksBig5(bytes) ? 'big5' : 'unknown' };
  }
}
