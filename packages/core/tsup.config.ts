import { defineConfig } from 'tsup';
import { raw } from '../../scripts/tsup-raw';

export default defineConfig({
  entry: ['src/index.ts', 'src/internal.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
  // index and internal share their code (one PackError class) in CommonJS as in ESM.
  splitting: true,
  esbuildPlugins: [raw],
});
