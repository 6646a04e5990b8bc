// The school folders of this repository (schools/<id>/: pack.yaml, versions/, scenarios/) as one
// module the playground bundles as its examples: `import SCHOOLS from 'virtual:schools'`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/** The order of the examples menu: the seeds' schools first, the blank template last. */
const FIRST = ['magong', 'hsinchu-vocational', 'pingrong'];

const yamlFiles = (folder: string, under: string): string[] =>
  existsSync(join(folder, under))
    ? readdirSync(join(folder, under))
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => `${under}/${name}`)
    : [];

export function schoolFolders(root: string) {
  const ids = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'pack.yaml')))
    .map((entry) => entry.name)
    .sort((a, b) => {
      const rank = (id: string) => (FIRST.includes(id) ? FIRST.indexOf(id) : id.startsWith('_') ? 99 : 50);
      return rank(a) - rank(b) || a.localeCompare(b);
    });
  return ids.map((id) => {
    const folder = join(root, id);
    const files = ['pack.yaml', ...yamlFiles(folder, 'versions'), ...yamlFiles(folder, 'scenarios')].map((file) => ({
      file,
      text: readFileSync(join(folder, file), 'utf8'),
    }));
    const pack = files[0]?.text ?? '';
    const title = /^school:\s*(.+)$/m.exec(pack)?.[1] ?? /^name:\s*(.+)$/m.exec(pack)?.[1] ?? id;
    return { id, title: title.trim(), files };
  });
}

/** esbuild: `virtual:schools` is the school folders under `root`, read at build time. */
export function schoolsPlugin(root: string): Plugin {
  return {
    name: 'schools',
    setup(build) {
      build.onResolve({ filter: /^virtual:schools$/ }, () => ({ path: 'schools', namespace: 'schools' }));
      build.onLoad({ filter: /.*/, namespace: 'schools' }, () => ({
        contents: JSON.stringify(schoolFolders(root)),
        loader: 'json',
        watchFiles: [root],
      }));
    },
  };
}
