import { cpSync, existsSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** Folders of the repository the published package carries: the pack template. */
const SHIPPED = [['../../schools/_template', 'template']] as const;

export default defineConfig({
  entry: { index: 'src/index.ts', main: 'src/main.ts', 'audit-worker': 'src/audit/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  shims: true,
  external: ['@portfolio-rules/core', '@portfolio-rules/core/internal'],
  async onSuccess() {
    for (const [from, to] of SHIPPED) {
      rmSync(to, { recursive: true, force: true });
      if (existsSync(from)) cpSync(from, to, { recursive: true });
    }
  },
});
