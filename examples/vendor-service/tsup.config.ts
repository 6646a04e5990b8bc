import { defineConfig } from 'tsup';

// The runnable service: `node dist/server.js`. Its dependencies stay in node_modules, as in a vendor's build.
export default defineConfig({
  entry: ['src/server.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  silent: true,
});
