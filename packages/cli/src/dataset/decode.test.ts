import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines, type Encoding } from './decode';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

/** The bytes as a stream hands them out, in chunks cut at `cuts`. */
function chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncIterable<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  chunks.push(bytes.subarray(from));
  return Readable.from(chunks) as AsyncIterable<Uint8Array>;
}

/** Every line decodeLines hands out, with its number, and the findings, for bytes cut into chunks at `cuts`. */
async function decode(bytes: Uint8Array, cuts: readonly number[] = [], encoding?: Encoding) {
  const lines: [number, string][] = [];
  const findings: string[] = [];
  for await (const batch of decodeLines(chunked(bytes, cuts), 'data.ndjson', encoding)) {
    if ('finding' in batch) findings.push(`${batch.finding.code} line ${batch.finding.position?.line}`);
    else
      batch.forEach(
        (line, number) => lines.push([number, line]),
        (finding, number) => findings.push(`${finding.code} line ${number}`),
      );
  }
  return { lines, findings };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const numbered = (lines: readonly string[]) => lines.map((line, index): [number, string] => [index + 1, line]);

describe('decodeLines', () => {
  it('reads a line cut between chunks, and one spanning several chunks, whole', async () => {
    const text = '{"a":1}\n{"b":"long line"}\n{"c":3}\n';
    expect((await decode(utf8(text), [12])).lines).toEqual(numbered(['{"a":1}', '{"b":"long line"}', '{"c":3}']));
    expect((await decode(utf8(text), [10, 13, 16, 20])).lines).toEqual(
      numbered(['{"a":1}', '{"b":"long line"}', '{"c":3}']),
    );
  });

  it('joins a multi-byte UTF-8 character cut between chunks', async () => {
    const bytes = utf8('{"course":"國語文"}\n{"course":"音樂"}');
    for (let cut = 1; cut < bytes.length; cut++)
      expect((await decode(bytes, [cut])).lines, `cut at ${cut}`).toEqual(
        numbered(['{"course":"國語文"}', '{"course":"音樂"}']),
      );
  });

  it('reads \\r\\n as \\n, also when the \\r ends one chunk and the \\n starts the next', async () => {
    const bytes = utf8('a\r\nb\r\n\r\nc\r\n');
    expect((await decode(bytes)).lines).toEqual(numbered(['a', 'b', '', 'c']));
    expect((await decode(bytes, [2])).lines).toEqual(numbered(['a', 'b', '', 'c']));
    expect((await decode(bytes, [5, 6, 7])).lines).toEqual(numbered(['a', 'b', '', 'c']));
  });

  it('drops a BOM, also when the first chunk is shorter than it', async () => {
    const bytes = utf8('\uFEFFa\nb');
    expect((await decode(bytes)).lines).toEqual(numbered(['a', 'b']));
    expect((await decode(bytes, [1])).lines).toEqual(numbered(['a', 'b']));
    expect((await decode(bytes, [3])).lines).toEqual(numbered(['a', 'b']));
  });

  it('reads a last line without a line break, and no extra line after a final one', async () => {
    expect((await decode(utf8('a\nb'))).lines).toEqual(numbered(['a', 'b']));
    expect((await decode(utf8('a\nb\n'))).lines).toEqual(numbered(['a', 'b']));
    expect((await decode(utf8('a\n\n'))).lines).toEqual(numbered(['a', '']));
    expect((await decode(utf8(''))).lines).toEqual([]);
  });

  it('numbers lines on when a batch was not read', async () => {
    const numbers: number[] = [];
    let skip = true;
    for await (const batch of decodeLines(chunked(utf8('a\nb\nc\nd\n'), [4]), 'data.ndjson')) {
      if (!('finding' in batch) && !skip) batch.forEach((_, number) => numbers.push(number));
      skip = false;
    }
    expect(numbers).toEqual([2, 3, 4]);
  });

  it('rejects a line holding bytes that are not UTF-8 (PR8011 at its own number and byte) and reads on', async () => {
    const bytes = Buffer.concat([utf8('a\nb\n'), Buffer.from([0x80, 0xff]), utf8('\nc\n')]);
    for (const cuts of [[], [4], [5], [6, 7], [1, 2, 3, 4, 5, 6, 7, 8]])
      expect(await decode(bytes, cuts), `cut at ${cuts.join()}`).toEqual({
        lines: numbered(['a', 'b']).concat([[4, 'c']]),
        findings: ['PR8011 line 3'],
      });
    expect((await decode(Buffer.concat([utf8('a\n'), Buffer.from([0xe5, 0x9c])]))).findings).toEqual(['PR8011 line 2']);
  });

  it('names the real line of a bad byte deep in a large file, and reads every line after it', async () => {
    const lines = Array.from({ length: 3000 }, (_, index) => `{"n":${index + 1},"note":"第 ${index + 1} 行"}`);
    const bytes = Buffer.concat([
      utf8(lines.slice(0, 1500).join('\n') + '\n'),
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
      utf8(lines.slice(1500).join('\n') + '\n'),
    ]);
    const cuts = Array.from({ length: Math.floor(bytes.length / 65536) }, (_, index) => (index + 1) * 65536);
    const { lines: read, findings } = await decode(bytes, cuts);
    expect(findings).toEqual(['PR8011 line 1501']);
    expect(read).toHaveLength(3000);
    expect(read[1500]).toEqual([1502, lines[1500]]);
  });

  it('refuses a UTF-16 file (PR8023, naming the encoding), and reads it with --encoding', async () => {
    const text = '{"a":"學號"}\r\n{"b":2}\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    expect((await decode(le)).findings).toEqual(['PR8023 line 1']);
    expect((await decode(Buffer.from(text, 'utf16le'))).findings).toEqual(['PR8023 line 1']);
    expect((await decode(be)).findings).toEqual(['PR8023 line 1']);
    const expected = numbered(['{"a":"學號"}', '{"b":2}']);
    for (const cuts of [[], [1], [3], [5, 9]]) {
      expect((await decode(le, cuts, 'utf-16le')).lines).toEqual(expected);
      expect((await decode(be, cuts, 'utf-16be')).lines).toEqual(expected);
    }
  });

  it('rejects a UTF-16 line holding half a character at its number, and reads the lines after it', async () => {
    const lines = Array.from({ length: 2000 }, (_, index) => `{"id":"學${index + 1}"}`);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
    // Line 1,501 loses the second half of 學 (U+5B78 is one unit: a lone high surrogate is put in its place).
    const at = 2 + 2 * lines.slice(0, 1500).reduce((sum, line) => sum + line.length + 2, 0) + 2 * 7;
    le.writeUInt16LE(0xd800, at);
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const)
      for (const cuts of [[], [3001], [4097, 65_537]]) {
        const { lines: read, findings } = await decode(bytes, cuts, encoding);
        expect(findings).toEqual(['PR8011 line 1501']);
        expect(read).toHaveLength(1999);
        expect(read[1500]).toEqual([1502, lines[1501]]);
      }
    // An odd last byte is half a character: that last line only.
    const { lines: read, findings } = await decode(Buffer.concat([le, Buffer.from([0x41])]), [], 'utf-16le');
    expect(findings).toEqual(['PR8011 line 1501', 'PR8011 line 2000']);
    expect(read).toHaveLength(1998);
  });

  it('reads Big5 when asked', async () => {
    // 學號 / 年級 in Big5, on two lines.
    const bytes = Buffer.from([0xbe, 0xc7, 0xb8, 0xb9, 0x0a, 0xa6, 0x7e, 0xaf, 0xc5]);
    expect((await decode(bytes, [1, 6], 'big5')).lines).toEqual(numbered(['學號', '年級']));
  });

  it('gives the lines of String.split, however the bytes are cut into chunks', async () => {
    const line = fc
      .array(fc.constantFrom('a', '{', '"', '國', '\r', ' ', '😀', 'é'), { maxLength: 8 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, finalBreak, cuts) => {
          const text = lines.join('\n') + (finalBreak && lines.length > 0 ? '\n' : '');
          const bytes = utf8(text);
          const expected = text.split('\n').map((one) => one.replace(/\r$/, ''));
          if (text === '' || text.endsWith('\n')) expected.pop();
          const { lines: read } = await decode(bytes, bytes.length === 0 ? [] : cuts.map((cut) => cut % bytes.length));
          expect(read).toEqual(numbered(expected));
        },
      ),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });
});
