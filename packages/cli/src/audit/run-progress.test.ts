import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../sample/generate';
import { defaultYear, planFrom } from '../sample/plan';
import { PROGRESS_FROM_BYTES } from './progress';
import { runAudit } from './run';
import { auditShard } from './shard-audit';

const MAGONG = fileURLToPath(new URL('../../../../schools/magong/pack.yaml', import.meta.url));
const resolution = validatePack(readFileSync(MAGONG, 'utf8'), { file: MAGONG }).resolution!;

/** Two schools' sample with rejected lines (bad JSON, a blank line, an unknown type), padded with unknown-type lines past the bar's threshold. */
async function largeData(): Promise<string> {
  const chunks: string[] = [];
  await generateSample(
    { students: 120, seed: 7, schools: 2, violations: 0.2 },
    planFrom(resolution, defaultYear(resolution)),
    { write: (text) => void chunks.push(text) },
  );
  const lines = [...chunks.join('').trimEnd().split('\n'), '{"type":"student","id":"x1",', ''];
  const pad = 'x'.repeat(1000);
  for (let index = 0, size = lines.join('\n').length; size <= PROGRESS_FROM_BYTES; index++) {
    const line = JSON.stringify({ type: 'unknownType', school: index % 2 === 0 ? 'S01' : 'S02', pad });
    lines.push(line);
    size += line.length + 1;
  }
  const path = join(mkdtempSync(join(tmpdir(), 'pr-run-progress-')), 'data.ndjson');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('the progress bar of audit', { timeout: 120_000 }, () => {
  it('counts the lines read, checked or rejected, on one thread as the worker threads do', async () => {
    const path = await largeData();
    const writes: string[] = [];
    const stderr = { isTTY: true, columns: 100, write: (text: string) => void writes.push(text) };
    const run = await runAudit(
      { pack: MAGONG, data: path, asOf: '2025-08-01', threads: 1, language: 'en' },
      { cwd: tmpdir(), stdout: { write() {} }, stderr },
    );
    const intake = run.result!.intake!;
    expect(intake.rejected).toBeGreaterThan(intake.checked);
    const last = writes.filter((text) => text.includes('100%')).at(-1)!;
    expect(Number(/([\d,]+) records/.exec(last)![1]!.replace(/,/g, ''))).toBe(intake.read);

    // Each worker tells the lines of its shard; the bar shows their sum.
    const options = { asOf: '2025-08-01', file: 'data.ndjson' };
    const shardLines = [0, 1].map((shard) => {
      let lines = 0;
      const reply = auditShard({ resolution, options, path, file: 'data.ndjson', shard, shards: 2 }, (message) => {
        if (message.type === 'progress') lines = message.lines;
      });
      expect(reply.type).toBe('done');
      return lines;
    });
    expect(shardLines[0]! + shardLines[1]!).toBe(intake.read);
  });
});
