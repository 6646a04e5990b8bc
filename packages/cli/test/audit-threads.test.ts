import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/portfolio-rules.js', import.meta.url));
const MAGONG = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));
// Worker threads run the built worker (dist/audit-worker.js) on the built core: both must be built (`pnpm build`).
const BUILT = ['../dist/main.js', '../dist/audit-worker.js', '../../core/dist/index.js'].every((path) => existsSync(fileURLToPath(new URL(path, import.meta.url))));

const cli = (args: string[]) => {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, stdout: failed.stdout };
  }
};

describe('audit on worker threads', () => {
  it.skipIf(!BUILT || availableParallelism() < 2)('gives the same output on two threads as on one, for data of three schools (skipped unless built)', { timeout: 120_000 }, () => {
    const folder = mkdtempSync(join(tmpdir(), 'audit-threads-'));
    const data = join(folder, 'schools.ndjson');
    writeFileSync(data, cli(['sample', '--pack', MAGONG, '--students', '900', '--schools', '3', '--seed', '5', '--violations', '0.2']).stdout);
    const args = ['audit', MAGONG, '--data', data, '--as-of', '2025-08-01'];
    for (const format of ['json', 'stylish']) {
      const single = cli([...args, '--format', format, '--threads', '1']);
      const threaded = cli([...args, '--format', format]);
      expect(single.code).toBe(1);
      expect(threaded).toEqual(single);
    }
    expect(JSON.parse(cli([...args, '--format', 'json']).stdout).audit.schools).toHaveLength(3);
  });
});
