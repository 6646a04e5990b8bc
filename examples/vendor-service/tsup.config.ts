import { defineConfig } from 'tsup';

// The runnable service, `node dist/server.js`, and the throwaway PostgreSQL server the bench starts
// (`dist/postgres-server.js`). Dependencies stay in node_modules, as in a vendor's build.
export default defineConfig({
  entry: { server: 'src/server.ts', 'postgres-server': 'test/postgres-server.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  silent: true,
});
