import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@portfolio-rules\/core$/,
        replacement: fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      },
      {
        find: /^@portfolio-rules\/core\/internal$/,
        replacement: fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'packages/core/regional/**/*.test.ts',
      'schools/**/*.test.ts',
      'docs/**/*.test.ts',
      'tests/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
    ],
    reporters: ['default'],
    // Behaviour, not speed, is tested (speed lives in bench/): a test that runs the built CLI or many
    // fast-check cases may take seconds on a loaded machine without being wrong.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
