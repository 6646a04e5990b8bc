import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../../../docs/markdown-blocks';
import { z } from 'zod';
import { run, stableJson } from './run';

// The JSON output's contract, written once in zod: the committed JSON Schema
// (docs/reference/json-output.schema.json) is generated from it, and every JSON run is parsed by it.
const Localized = z.strictObject({ 'zh-TW': z.string(), en: z.string() }).describe('The message in both languages');
const Source = z
  .strictObject({ document: z.string(), clause: z.string() })
  .describe('A document and a clause, e.g. 作業要點 一(十)');
const Position = z
  .strictObject({
    file: z.string().optional(),
    line: z.int().min(1),
    column: z.int().min(1),
    record: z.int().min(1).optional(),
  })
  .describe('Where: lines and columns count from 1');
const Finding = z
  .strictObject({
    code: z
      .string()
      .regex(/^PR\d{4}$/)
      .describe('Stable code, documented in docs/codes/<code>.md'),
    severity: z.enum(['error', 'warning', 'info']),
    rule: z.string().describe('The rule that produced it, e.g. caps.diversePerformance.select'),
    subject: z.string().describe('What it is about: a pack key path, a file'),
    message: Localized,
    source: Source.optional().describe('The clause of the rule'),
    layer: z.string().optional().describe('The layer that set the rule: national@<date>, overlay:<id>, school:<id>'),
    related: z
      .array(
        z.strictObject({
          layer: z.string(),
          source: Source.optional(),
          value: z.unknown().optional(),
          position: Position.optional().describe('Where the related clause is written, e.g. the words of PR1031'),
        }),
      )
      .optional()
      .describe('Other layers and clauses involved'),
    position: Position.optional(),
    data: z.record(z.string(), z.unknown()).describe('The parameters behind the message, per code'),
  })
  .describe('A finding');
const Tool = z.strictObject({ name: z.literal('portfolio-rules'), version: z.string() });

const Summary = z.strictObject({
  files: z.int().min(0),
  errors: z.int().min(0),
  warnings: z.int().min(0),
  infos: z.int().min(0),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
});

export const ValidateOutput = z
  .strictObject({
    version: z.literal(1).describe('The schema version; a breaking change bumps it'),
    tool: Tool,
    command: z.literal('validate'),
    files: z.array(
      z.strictObject({ file: z.string().describe('As given on the command line'), findings: z.array(Finding) }),
    ),
    summary: Summary,
  })
  .describe('portfolio-rules validate --format json');

const Bound = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('capMax'),
    path: z.string(),
    max: z.int(),
    per: z.enum(['semester', 'academicYear']),
    source: Source,
  }),
  z.strictObject({ kind: z.literal('min'), path: z.string(), min: z.number(), source: Source }),
]);

export const ExplainOutput = z
  .strictObject({
    version: z.literal(1),
    tool: Tool,
    command: z.literal('explain'),
    file: z.string(),
    pack: z.strictObject({ id: z.string(), name: z.string(), document: z.string() }),
    term: z
      .string()
      .nullable()
      .describe("The --term asked for, as a 5-digit code; null: the latest national version in the pack's period"),
    key: z.string().nullable().describe('The key prefix asked for, or null'),
    national: z.string().describe('The national layer the effective pack is built on, e.g. national@2022-08-01'),
    layers: z.array(z.string()).describe('The layers, bottom first'),
    entries: z.array(
      z.strictObject({
        path: z.string().describe('Key path, e.g. caps.courseOutcome.select.max'),
        value: z.unknown(),
        layer: z.string().describe('The layer that set the value'),
        source: Source.optional().describe('The clause that set the value'),
        bound: Bound.optional().describe('The national bound on this value, which holds whatever the pack says'),
        words: z
          .strictObject({ 'zh-TW': z.string(), en: z.string() })
          .optional()
          .describe("On a declared role's first value: the role in words, its name, permissions and scopes"),
      }),
    ),
    findings: z.array(Finding).describe('What validate reports about the pack'),
    summary: Summary,
  })
  .describe('portfolio-rules explain --format json');

const Group = z.strictObject({
  students: z.int().min(0),
  uploaders: z.int().min(0),
  uploadRate: z.number().min(0).max(1),
  courseOutcomes: z.int().min(0),
  diversePerformances: z.int().min(0),
  itemsPerStudent: z.number().min(0),
  certification: z.strictObject({
    draft: z.int().min(0),
    submitted: z.int().min(0),
    certified: z.int().min(0),
    rejected: z.int().min(0),
  }),
  selected: z.strictObject({ courseOutcome: z.int().min(0), diversePerformance: z.int().min(0) }),
  consultations: z.int().min(0),
});

const AuditResult = z
  .strictObject({
    pack: z.strictObject({
      id: z.string(),
      name: z.string(),
      school: z.string().optional(),
      file: z.string().optional(),
    }),
    school: z.string().optional().describe("The data's school, when it names one"),
    asOf: z.iso.date(),
    findings: z.array(Finding).describe("The pack's findings and the data's, most severe first"),
    intake: z
      .strictObject({
        read: z.int().min(0),
        checked: z.int().min(0),
        rejected: z.int().min(0),
        rejections: z.array(
          z.strictObject({
            file: z.string().optional(),
            line: z.int().min(1),
            code: z.string(),
            severity: z.enum(['error', 'warning', 'info']),
            message: Localized,
          }),
        ),
        unlisted: z.int().min(0),
        byCode: z.record(z.string(), z.int().min(0)),
      })
      .optional()
      .describe('read = checked + rejected; absent without --data'),
    statistics: z
      .strictObject({
        school: Group,
        byGrade: z.record(z.string(), Group),
        byClass: z.record(z.string(), Group),
        overdueByTeacher: z.record(z.string(), z.int().min(0)),
        findingsByCode: z.record(z.string(), z.int().min(0)),
      })
      .optional(),
    get schools() {
      return z.array(AuditResult).optional().describe("Each school's own result, when the data holds several");
    },
  })
  .describe('@portfolio-rules/core AuditResult');

export const AuditOutput = z
  .strictObject({
    version: z.literal(1),
    tool: Tool,
    command: z.literal('audit'),
    file: z.string().describe('The pack, as given'),
    inputFindings: z
      .array(Finding)
      .describe('Problems with the inputs: encodings, CSV headers, calendars, the evidence log'),
    audit: AuditResult.optional(),
    summary: Summary,
  })
  .describe('portfolio-rules audit --format json');

export const JsonOutput = z.discriminatedUnion('command', [ValidateOutput, ExplainOutput, AuditOutput]).meta({
  title: 'portfolio-rules --format json output, version 1',
});

describe('JSON output (docs/reference/json-output.md)', () => {
  it('has a committed JSON Schema generated from the contract', async () => {
    const schema = z.toJSONSchema(JsonOutput, { target: 'draft-2020-12' });
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
      '../../../docs/reference/json-output.schema.json',
    );
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

  it('audit: pack only, data, several schools, a corrupt dataset — every run parses against the schema', async () => {
    for (const args of [
      ['audit/pack.yaml'],
      ['valid.yaml', '--data', 'dataset/corrupt.ndjson'],
      ['audit/pack.yaml', '--data', 'audit/data.ndjson', '--calendar', 'audit/calendar-112.yaml'],
      ['audit/pack.yaml', '--data', 'audit/schools.ndjson'],
    ]) {
      const result = await run(['audit', ...args, '--as-of', '2024-08-01', '--format', 'json']);
      const output = AuditOutput.parse(JSON.parse(result.stdout));
      expect(JsonOutput.parse(output).command).toBe('audit');
      expect(output.summary.exitCode).toBe(result.code);
    }
  });

  it("validate: a value its clause states otherwise (PR1031) carries both positions, the clause's in related", async () => {
    const result = await run(['validate', 'clauses.yaml', '--format', 'json']);
    const output = JsonOutput.parse(JSON.parse(result.stdout));
    const findings = output.command === 'validate' ? output.files[0]!.findings : [];
    expect(findings.map((finding) => [finding.code, finding.subject, finding.position, finding.related])).toEqual([
      [
        'PR1031',
        'caps.courseOutcome.upload.max',
        { file: 'clauses.yaml', line: 8, column: 20 },
        [
          {
            layer: 'school:clauses-demo',
            source: { document: '示範補充規定', clause: '五(三)1' },
            value: 6,
            position: { file: 'clauses.yaml', line: 17, column: 63 },
          },
        ],
      ],
      ['PR1030', 'caps.courseOutcome.select.source', { file: 'clauses.yaml', line: 9, column: 50 }, undefined],
    ]);
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

  it('explain: entries with layer, clause and bound; findings; parses against the schema', async () => {
    const result = await run([
      'explain',
      'loosening.yaml',
      'caps.diversePerformance.select',
      '--format',
      'json',
      '--term',
      '11201',
    ]);
    expect(result.code).toBe(1);
    const output = ExplainOutput.parse(JSON.parse(result.stdout));
    expect(JsonOutput.parse(output).command).toBe('explain');
    expect(output).toMatchObject({
      term: '11201',
      key: 'caps.diversePerformance.select',
      national: 'national@2022-08-01',
      layers: ['national@2022-08-01', 'school:loose'],
    });
    expect(output.entries[0]).toEqual({
      path: 'caps.diversePerformance.select.max',
      value: 12,
      layer: 'school:loose',
      source: { document: '寬鬆補充規定', clause: '六(一)' },
      bound: {
        kind: 'capMax',
        path: 'caps.diversePerformance.select',
        max: 10,
        per: 'academicYear',
        source: { document: '作業要點', clause: '多元表現勾選件數' },
      },
    });
    expect(output.findings.map((finding) => finding.code)).toEqual(['PR2002']);
    expect(output.summary.exitCode).toBe(1);
    await expect(stableJson(result.stdout)).toMatchFileSnapshot('__snapshots__/explain-json.json');
  });

  it('the examples of docs/reference/json-output.md are what the commands print', async () => {
    const blocks = codeBlocks(readFileSync(new URL('../../../docs/reference/json-output.md', import.meta.url), 'utf8'));
    const examples = blocks.flatMap((block, index) =>
      block.comments.some((comment) => comment.startsWith('json-example:'))
        ? [[blocks[index - 1]!, block] as const]
        : [],
    );
    expect(examples.map(([, block]) => block.comments[0])).toEqual(['json-example: validate', 'json-example: explain']);
    for (const [command, example] of examples) {
      const args = command.text
        .trim()
        .replace(/^\$ portfolio-rules /, '')
        .split(' ');
      const result = await run(args);
      const withoutVersion = (text: string) => ({ ...JsonOutput.parse(JSON.parse(text)), tool: undefined });
      expect(withoutVersion(result.stdout)).toEqual(withoutVersion(example.text));
    }
  });
});
