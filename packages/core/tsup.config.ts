import { defineConfig } from 'tsup';
import { raw } from '../../scripts/tsup-raw';

export default defineConfig({
  // engine-path is no export: it keeps the engine's modules in a chunk a browser bundle can take alone.
  entry: ['src/index.ts', 'src/internal.ts', 'src/engine-path.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: ['src/index.ts', 'src/internal.ts'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
  // index and internal share their code (one PackError class) in CommonJS as in ESM.
  splitting: true,
  esbuildPlugins: [raw],
});
