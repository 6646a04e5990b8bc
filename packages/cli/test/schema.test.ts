import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarJsonSchema, packJsonSchema, scenarioJsonSchema } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { run } from './run';

describe('portfolio-rules schema', () => {
  it('prints the pack JSON Schema core exports, formatted as scripts/write-schema.mjs writes pack.schema.json', async () => {
    const result = await run(['schema']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(packJsonSchema());
    expect(result.stdout).toBe(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
  });

  it('describes the pack keys an editor completes, in both languages', async () => {
    const output = JSON.parse((await run(['schema'])).stdout) as {
      properties: Record<string, { description?: string }>;
    };
    expect(Object.keys(output.properties)).toEqual(
      expect.arrayContaining(['id', 'extends', 'caps', 'duties', 'windows']),
    );
    expect(output.properties.extends?.description).toContain('繼承');
  });

  it('prints the scenario and calendar schemas with --kind, byte for byte the files core ships', async () => {
    const core = new URL('../../core/', import.meta.url);
    for (const [kind, schema] of [
      ['scenario', scenarioJsonSchema],
      ['calendar', calendarJsonSchema],
    ] as const) {
      const result = await run(['schema', '--kind', kind]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${JSON.stringify(schema(), null, 2)}\n`);
      expect(result.stdout).toBe(readFileSync(new URL(`${kind}.schema.json`, core), 'utf8'));
    }
    expect((await run(['schema', '--kind', 'pak'])).code).toBe(2);
  });

  it("writes all three into a school's folder with --write (the files the $schema lines of init point at)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'portfolio-rules-schema-'));
    const result = await run(['schema', '--write', 'north', '--lang', 'en'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote north/schemas/scenario.schema.json');
    const written = (kind: string) =>
      JSON.parse(readFileSync(join(cwd, 'north', 'schemas', `${kind}.schema.json`), 'utf8')) as unknown;
    expect(written('scenario')).toEqual(scenarioJsonSchema());
    expect(written('calendar')).toEqual(calendarJsonSchema());
    // The pack schema is the school's own: the units its pack declares are known ids.
    expect(written('pack')).toEqual(packJsonSchema({ units: [] }));
    writeFileSync(
      join(cwd, 'north', 'pack.yaml'),
      'id: north\nname: 北高補充規定\ndocument: 北高規定\nunits:\n  library: { name: 圖書館 }\n',
    );
    await run(['schema', '--write', 'north'], { cwd });
    expect(written('pack')).toEqual(packJsonSchema({ units: ['library'] }));
    expect(JSON.stringify(written('pack'))).toContain('"library"');
  });

  it('takes no arguments: exit 2 with PR9006', async () => {
    const result = await run(['schema', 'pack.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9006');
  });
});
