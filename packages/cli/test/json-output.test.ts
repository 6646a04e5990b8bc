import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { run, stableJson } from './run';

// The JSON output's contract, written once in zod: the committed JSON Schema
// (docs/reference/json-output.schema.json) is generated from it, and every JSON run is parsed by it.
const Localized = z.strictObject({ 'zh-TW': z.string(), en: z.string() }).describe('The message in both languages');
const Source = z.strictObject({ document: z.string(), clause: z.string() }).describe('A document and a clause, e.g. 作業要點 一(十)');
const Position = z
  .strictObject({ file: z.string().optional(), line: z.int().min(1), column: z.int().min(1), record: z.int().min(1).optional() })
  .describe('Where: lines and columns count from 1');
const Finding = z
  .strictObject({
    code: z.string().regex(/^PR\d{4}$/).describe('Stable code, documented in docs/codes/<code>.md'),
    severity: z.enum(['error', 'warning', 'info']),
    rule: z.string().describe('The rule that produced it, e.g. caps.diversePerformance.select'),
    subject: z.string().describe('What it is about: a pack key path, a file'),
    message: Localized,
    source: Source.optional().describe('The clause of the rule'),
    layer: z.string().optional().describe('The layer that set the rule: national@<date>, overlay:<id>, school:<id>'),
    related: z.array(z.strictObject({ layer: z.string(), source: Source.optional(), value: z.unknown().optional() })).optional().describe('Other layers and clauses involved'),
    position: Position.optional(),
    data: z.record(z.string(), z.unknown()).describe('The parameters behind the message, per code'),
  })
  .describe('A finding');
const Tool = z.strictObject({ name: z.literal('portfolio-rules'), version: z.string() });

export const ValidateOutput = z
  .strictObject({
    version: z.literal(1).describe('The schema version; a breaking change bumps it'),
    tool: Tool,
    command: z.literal('validate'),
    files: z.array(z.strictObject({ file: z.string().describe('As given on the command line'), findings: z.array(Finding) })),
    summary: z.strictObject({
      files: z.int().min(0),
      errors: z.int().min(0),
      warnings: z.int().min(0),
      infos: z.int().min(0),
      exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    }),
  })
  .describe('portfolio-rules validate --format json');

export const JsonOutput = z.discriminatedUnion('command', [ValidateOutput]).meta({
  title: 'portfolio-rules --format json output, version 1',
});

describe('JSON output (docs/reference/json-output.md)', () => {
  it('has a committed JSON Schema generated from the contract', async () => {
    const schema = z.toJSONSchema(JsonOutput, { target: 'draft-2020-12' });
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../../docs/reference/json-output.schema.json');
  });

  it('validate: clean, loosening, unreadable — every run parses against the schema', async () => {
    for (const [args, exitCode] of [
      [['valid.yaml'], 0],
      [['loosening.yaml', 'typo.yaml'], 1],
      [['missing.yaml'], 2],
    ] as const) {
      const result = await run(['validate', ...args, '--format', 'json']);
      expect(result.code).toBe(exitCode);
      const output = JsonOutput.parse(JSON.parse(result.stdout));
      expect(output.summary.exitCode).toBe(exitCode);
    }
  });

  it('validate: the findings carry code, both messages, clause, layer, related clause and position', async () => {
    const result = await run(['validate', 'valid.yaml', 'loosening.yaml', '--format', 'json', '--lang', 'en']);
    const output = ValidateOutput.parse(JSON.parse(result.stdout));
    expect(output.files.map((file) => file.findings.length)).toEqual([0, 1]);
    expect(output.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0, exitCode: 1 });
    const [finding] = output.files[1]!.findings;
    expect(finding).toMatchObject({
      code: 'PR2002',
      severity: 'error',
      source: { document: '作業要點', clause: '多元表現勾選件數' },
      layer: 'national@2022-08-01',
      related: [{ layer: 'school:loose', source: { document: '寬鬆補充規定', clause: '六(一)' }, value: 12 }],
      position: { file: 'loosening.yaml', line: 9, column: 12 },
    });
    expect(finding!.message['zh-TW']).toContain('超過全國規定');
    await expect(stableJson(result.stdout)).toMatchFileSnapshot('__snapshots__/validate-json.json');
  });
});
