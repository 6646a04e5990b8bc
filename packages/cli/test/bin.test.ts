import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/portfolio-rules.js', import.meta.url));
// The binary runs the built CLI on the built core: both dist folders must be there (`pnpm build`).
const BUILT = ['../dist/main.js', '../../core/dist/index.js'].every((path) =>
  existsSync(fileURLToPath(new URL(path, import.meta.url))),
);
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

describe('the built binary', () => {
  it.skipIf(!BUILT)(
    'prints its version (skipped unless packages/cli and packages/core are built: run `pnpm build`)',
    { timeout: 30_000 },
    () => {
      expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' })).toBe(`${VERSION}\n`);
    },
  );

  it.skipIf(!BUILT)(
    'exits 1 on a loosening pack and 2 on bad usage (skipped unless both are built)',
    { timeout: 30_000 },
    () => {
      const exitOf = (args: string[]) => {
        try {
          execFileSync(process.execPath, [BIN, ...args], {
            encoding: 'utf8',
            cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
            stdio: 'pipe',
          });
          return 0;
        } catch (error) {
          return (error as { status: number }).status;
        }
      };
      expect(exitOf(['validate', 'valid.yaml'])).toBe(0);
      expect(exitOf(['validate', 'loosening.yaml'])).toBe(1);
      expect(exitOf(['validate', '--nope'])).toBe(2);
    },
  );

  it.skipIf(!BUILT)(
    'stops at once and quietly when its reader closes the pipe (`| head`): status 141, no EPIPE stack trace',
    { timeout: 30_000 },
    async () => {
      const pack = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));
      const child = spawn(process.execPath, [BIN, 'sample', '--pack', pack, '--students', '100000'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(status).toBe(141);
      expect(stderr).toBe('');
    },
  );
});
