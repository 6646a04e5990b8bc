// The bundled packs as files: every school pack, its earlier versions, and the regional overlays.
// Test-side only (it reads the file system); core stays pure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PackInput, regionalOverlays } from '@portfolio-rules/core';

export const SCHOOLS_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = join(SCHOOLS_DIR, '..');

export interface PackFile {
  /** The pack folder's name, e.g. `magong` or `regional/taipei` (an overlay, in core). */
  readonly folder: string;
  /** Path from the repository root, as `validate` prints it: `schools/magong/pack.yaml`. */
  readonly file: string;
  readonly text: string;
}

const read = (folder: string, path: string): PackFile => ({
  folder,
  file: relative(REPO_DIR, path),
  text: readFileSync(path, 'utf8'),
});

const subfolders = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

/** The school folders holding a pack.yaml (the template included), sorted. */
export function schoolFolders(): string[] {
  return subfolders(SCHOOLS_DIR).filter((name) => name !== '_lib' && existsSync(join(SCHOOLS_DIR, name, 'pack.yaml')));
}

/** The regional overlays' folder: they ship in core, which layers packs on them. */
const REGIONAL_DIR = join(REPO_DIR, 'packages/core/regional');

/** Every bundled pack file: schools/<id>/pack.yaml, schools/<id>/versions/*.yaml, packages/core/regional/<id>/pack.yaml. */
export function bundledPackFiles(): PackFile[] {
  const files: PackFile[] = [];
  for (const folder of schoolFolders()) {
    files.push(read(folder, join(SCHOOLS_DIR, folder, 'pack.yaml')));
    const versions = join(SCHOOLS_DIR, folder, 'versions');
    if (existsSync(versions)) {
      for (const name of readdirSync(versions)
        .filter((n) => n.endsWith('.yaml'))
        .sort())
        files.push(read(folder, join(versions, name)));
    }
  }
  for (const region of subfolders(REGIONAL_DIR)) {
    const path = join(REGIONAL_DIR, region, 'pack.yaml');
    if (existsSync(path)) files.push(read(`regional/${region}`, path));
  }
  return files;
}

/** The fixed registry of overlays a school pack may extend, by id: core's. */
export function bundledOverlays(): Readonly<Record<string, PackInput>> {
  return regionalOverlays();
}
