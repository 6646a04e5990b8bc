import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Options } from 'tsup';

/** `import text from './x.yaml?raw'`: the file's text, inlined by the build (as vitest does natively). */
export const raw: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'raw',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};
