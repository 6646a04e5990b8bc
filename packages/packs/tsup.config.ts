import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsup';
import { raw } from '../../scripts/tsup-raw';

/** The resolved module of a pack, in ESM and CommonJS, typed as core's `Resolution`. */
function writeResolved(name: string, resolution: unknown) {
  const literal = JSON.stringify(JSON.stringify(resolution));
  const base = join('resolved', name);
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${base}.js`, `export default JSON.parse(${literal});\n`);
  writeFileSync(`${base}.cjs`, `module.exports = JSON.parse(${literal});\n`);
  const types = "import type { Resolution } from '@portfolio-rules/core';\ndeclare const resolution: Resolution;\n";
  writeFileSync(`${base}.d.ts`, `${types}export default resolution;\n`);
  writeFileSync(`${base}.d.cts`, `${types}export = resolution;\n`);
}

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['@portfolio-rules/core'],
  esbuildPlugins: [raw],
  // The pack files ship as they are written (schools/<id>/…), and each version pre-resolved
  // (resolved/<id>, and <id>@<version> for earlier ones): what the browser engine path loads without YAML or schema.
  async onSuccess() {
    const { PACK_FILES, loadSchoolPack } = await import(`${process.cwd()}/dist/index.js?${Date.now()}`);
    for (const folder of ['schools', 'resolved']) rmSync(folder, { recursive: true, force: true });
    for (const [school, files] of Object.entries<{ name: string; file: string }[]>(PACK_FILES)) {
      cpSync(`../../schools/${school}/README.md`, `schools/${school}/README.md`);
      for (const { name, file } of files) {
        const path = file.slice('@portfolio-rules/packs/'.length);
        cpSync(`../../${path}`, path, { recursive: true });
        const { resolution, findings } = loadSchoolPack(school, { version: name });
        const errors = findings.filter((finding: { severity: string }) => finding.severity === 'error');
        if (!resolution || errors.length > 0) throw new Error(`${file} has errors: ${JSON.stringify(errors)}`);
        writeResolved(name === 'current' ? school : `${school}@${name}`, resolution);
      }
    }
  },
});
