/**
 * Test helper: the bundled school packs, resolved as the CLI resolves them, and the `sample` generator's datasets for them, parsed record by record. Shared by the
 * tests that hold the generator, the audit and the engine to each other.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DatasetRecord, parseRecord, type Resolution, validatePack } from '@portfolio-rules/core';
import { generateSample, type SampleOptions, type SamplePlan } from '../src/sample';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every bundled school pack (the overlay is checked through Chenggong, which extends it). */
export const BUNDLED_PACKS = [
  'magong',
  'hsinchu-vocational',
  'pingrong',
  'taipei-chenggong',
  'vendor-defaults',
  '_template',
];

/** A bundled pack's resolution. */
export async function resolveBundled(id: string): Promise<Resolution> {
  const file = `schools/${id}/pack.yaml`;
  return Promise.resolve(validatePack(readFileSync(`${ROOT}${file}`, 'utf8'), { file }).resolution!);
}

/** A generated dataset, each record with its line number. */
export async function sampleRecords(plan: SamplePlan, options: SampleOptions) {
  const lines: string[] = [];
  const report = await generateSample(options, plan, { write: (text) => void lines.push(text) });
  const records = lines
    .join('')
    .trimEnd()
    .split('\n')
    .map((line, index): { record: DatasetRecord; line: number } => {
      const result = parseRecord(line, index + 1);
      if (!result.ok) throw new Error(result.finding.message.en);
      return { record: result.record, line: index + 1 };
    });
  return { report, records };
}
