import { describe, expect, it, vi } from 'vitest';
import { SarifLog } from './report-sarif-schema';
import { run } from './run';

// A checker that fails on one file (a bug, simulated): that file gets PR9020, the others their results.
vi.mock('../src/_lib/check-pack', async (original) => {
  const actual = await original<typeof import('../src/_lib/check-pack')>();
  return {
    ...actual,
    checkPack: (...args: Parameters<typeof actual.checkPack>) => {
      if (args[0] === 'valid.yaml') throw new TypeError("Cannot read properties of undefined (reading 'extends')");
      return actual.checkPack(...args);
    },
  };
});

describe('validate when checking one file fails inside the tool', () => {
  it('reports PR9020 on that file and still reports the others (SARIF), exit 2', async () => {
    const result = await run(['validate', 'valid.yaml', 'loosening.yaml', '--format', 'sarif', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    const results = SarifLog.parse(JSON.parse(result.stdout)).runs[0]!.results;
    expect(results.map((item) => item.ruleId).sort()).toEqual(['PR2002', 'PR9020']);
    const internal = results.find((item) => item.ruleId === 'PR9020')!;
    expect(internal.message.text).toContain("`valid.yaml` (Cannot read properties of undefined (reading 'extends'))");
  });

  it('says so in both languages in stylish output', async () => {
    const result = await run(['validate', 'valid.yaml', 'loosening.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('valid.yaml  錯誤  PR9020 internal-error');
    expect(result.stdout).toContain('檢查「valid.yaml」時發生內部錯誤');
    expect(result.stdout).toContain('loosening.yaml:9:12');
  });
});
