import { packJsonSchema } from '@portfolio-rules/core';
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

  it('takes no arguments: exit 2 with PR9006', async () => {
    const result = await run(['schema', 'pack.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9006');
  });
});
