import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI package's folder, the one holding its package.json: found from src/ under vitest and from dist/ when built. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

const ROOT = packageRoot();

export const TOOL_NAME = 'portfolio-rules';

export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/** A folder shipped in the package (copied there at build time), else its original in the repository. */
function shipped(packaged: string, ...inRepository: string[]): string {
  const copy = join(ROOT, packaged);
  return existsSync(copy) ? copy : join(ROOT, '..', '..', ...inRepository);
}

/** The school folder template `init` copies: pack, scenarios, README, calendar. */
export function templateFolder(): string {
  return shipped('template', 'schools', '_template');
}
