import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AuditResult, createAudit, createIntake, validatePack } from '@portfolio-rules/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines, readDataset } from '../dataset';
import { generateSample } from '../sample/generate';
import { defaultYear, planFrom } from '../sample/plan';
import { mergeIntakes } from './shard';
import { auditShard } from './shard-audit';
import { scanShard } from './shard-lines';

const MAGONG = fileURLToPath(new URL('../../../../schools/magong/pack.yaml', import.meta.url));
const resolution = validatePack(readFileSync(MAGONG, 'utf8'), { file: 'magong/pack.yaml' }).resolution!;
const folder = mkdtempSync(join(tmpdir(), 'pr-shard-'));
let files = 0;

function scratch(content: string | Uint8Array): string {
  const path = join(folder, `data-${files++}.ndjson`);
  writeFileSync(path, content);
  return path;
}

/** The lines the one-thread reader yields, numbered. */
async function decoded(path: string): Promise<[number, string][]> {
  const lines: [number, string][] = [];
  const chunks = createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>;
  for await (const batch of decodeLines(chunks, 'data.ndjson')) {
    if ('finding' in batch) throw new Error(batch.finding.message.en);
    batch.forEach((text, line) => lines.push([line, text]));
  }
  return lines;
}

/** Every shard's lines, with the school the scan read. */
function scanned(path: string, shards = 2) {
  return Array.from({ length: shards }, (_, shard) => {
    const lines: [number, string, string][] = [];
    const outcome = scanShard(
      path,
      { shard, shards },
      (text, line, school) => void lines.push([line, text, school]),
      () => {},
    );
    return { outcome, lines };
  });
}

describe('scanShard', () => {
  it('hands every line to exactly one shard, as the one-thread reader yields it, and each school to one shard', async () => {
    const texts = [
      '\uFEFF{"school":"A","n":1}\n{"school":"B"}\r\n\n{"x":1}\n{"school" : "A" ,"n":2}\n\r\n{"school":"C"}\n{"school":"B","k":"學校"}',
      '\uFEFF\uFEFF{"school":"A"}\n{"school":"B"}\n',
      '{"school":"A"}\n\r',
      '',
      '\n\n',
    ];
    for (const text of texts) {
      const path = scratch(text);
      const shards = scanned(path);
      expect(shards.map((shard) => shard.outcome)).toEqual(['read', 'read']);
      const all = shards.flatMap((shard) => shard.lines).sort((a, b) => a[0] - b[0]);
      expect(all.map(([line, value]) => [line, value])).toEqual(await decoded(path));
      const owner = new Map<string, number>();
      shards.forEach((shard, index) =>
        shard.lines.forEach(([, , school]) =>
          expect(owner.get(school) ?? index).toBe((owner.set(school, index), index)),
        ),
      );
    }
  });

  it('finds the same school the parser reads on ordinary lines, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('S01', 'S02', 'S03', '學校', ''),
            fc.string({ unit: fc.constantFrom('a', '"', ':', ' ', '{', '學') }),
          ),
          { maxLength: 40 },
        ),
        (rows) => {
          const lines = rows.map(([school, note]) => JSON.stringify({ note, ...(school !== '' && { school }) }));
          const shards = scanned(scratch(lines.join('\n')), 3);
          const seen = shards.flatMap((shard) => shard.lines).sort((a, b) => a[0] - b[0]);
          expect(seen.map(([, text]) => text)).toEqual(lines);
          for (const [, text, school] of seen)
            expect((JSON.parse(text) as { school?: string }).school ?? '').toBe(school);
        },
      ),
      { seed: 42, numRuns: Number(process.env.FC_NUM_RUNS ?? 100) },
    );
  });

  it('leaves a file that is not UTF-8 throughout to the one-thread reader', () => {
    const path = scratch(
      Buffer.concat([
        Buffer.from('{"school":"A"}\n{"school":"B","x":"'),
        Buffer.from([0xa6, 0x7e]),
        Buffer.from('"}\n'),
      ]),
    );
    expect(scanned(path).map((shard) => shard.outcome)).toEqual(['notUtf8', 'notUtf8']);
  });
});

/** A sample of three schools with corrupt lines spliced in: bad JSON, a blank line, an unknown type, a missing field, a record naming no school, a CRLF ending. */
async function corruptSample(): Promise<string> {
  const plan = planFrom(resolution, defaultYear(resolution));
  const chunks: string[] = [];
  await generateSample({ students: 240, seed: 11, schools: 3, violations: 0.3 }, plan, {
    write: (text) => void chunks.push(text),
  });
  const lines = chunks.join('').trimEnd().split('\n');
  const corrupt = [
    '{"type":"student","id":"x1",',
    '',
    '{"type":"studnet","id":"x2","school":"S02"}',
    '{"type":"courseOutcome","id":"x3","school":"S03"}',
    '{"type":"meeting","date":"2023-09-20","body":"workingGroup","term":"11201"}',
  ];
  corrupt.forEach((line, index) => lines.splice(((index + 1) * lines.length) / (corrupt.length + 1), 0, line));
  lines[7] += '\r';
  return scratch(`${lines.join('\n')}\n`);
}

const bySchool = (results: readonly AuditResult[]) =>
  [...results].sort((a, b) => ((a.school ?? '') < (b.school ?? '') ? -1 : 1));

describe('auditShard', { timeout: 60_000 }, () => {
  it('audits, across its shards, exactly what one thread audits: results per school, accounting and rejected lines', async () => {
    const path = await corruptSample();
    const options = { asOf: '2025-08-01', file: 'magong/pack.yaml' };
    const replies = [0, 1].map((shard) =>
      auditShard({ resolution, options, path, file: 'data.ndjson', shard, shards: 2 }, () => {}),
    );
    const done = replies.flatMap((reply) => (reply.type === 'done' ? [reply] : []));
    expect(done).toHaveLength(2);
    expect(done.every((reply) => reply.results.length > 0)).toBe(true);

    const audits = new Map<string, ReturnType<typeof createAudit>>();
    const intake = createIntake();
    await readDataset(path, {
      cwd: folder,
      intake,
      onRecord(record, place) {
        const school = record.school ?? '';
        if (!audits.has(school))
          audits.set(school, createAudit(resolution, { ...options, ...(school !== '' && { school }) }));
        audits.get(school)!.add(record, { file: 'data.ndjson', line: place.line, column: 1, record: place.line });
      },
    });
    const single = intake.summary();
    const sharded = mergeIntakes(done);
    expect(JSON.stringify(sharded)).toBe(
      JSON.stringify({
        ...single,
        rejections: single.rejections.map((rejection) => ({ ...rejection, file: 'data.ndjson' })),
      }),
    );
    expect(sharded.rejected).toBe(4);
    expect(sharded.read).toBe(sharded.checked + sharded.rejected);
    expect(bySchool(done.flatMap((reply) => reply.results))).toEqual(
      bySchool([...audits.values()].map((audit) => audit.finish())),
    );
  });

  it('gives up when a record names its school in a way the byte scan misreads (an escape)', () => {
    const path = scratch(
      '{"type":"student","id":"s1","grade":1,"class":"101","school":"S01"}\n{"type":"student","id":"s2","grade":1,"class":"101","school":"S\\u00302"}\n',
    );
    const replies = [0, 1].map((shard) =>
      auditShard(
        { resolution, options: { asOf: '2025-08-01' }, path, file: 'data.ndjson', shard, shards: 2 },
        () => {},
      ),
    );
    expect(replies.map((reply) => reply.type)).toContain('fallback');
  });
});
