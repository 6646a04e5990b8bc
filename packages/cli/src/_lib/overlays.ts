import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadPack, type PackInput } from '@portfolio-rules/core';
import type { CliIo } from '../command';
import { readText } from './files';
import { coreOverlayRegistry, type OverlayRegistry } from './registry';

/**
 * The regional overlays packs are layered on: core's registry (the overlays `validatePack` knows),
 * or, for embedding and tests, the folder `io.regionalDirectory` names.
 */
export async function overlayRegistry(io: CliIo): Promise<OverlayRegistry> {
  if (io.regionalDirectory !== undefined) return loadOverlays(io.regionalDirectory, io.cwd);
  return coreOverlayRegistry();
}

/** Loads a registry of regional overlays from a folder: `<dir>/<id>/pack.yaml`. No path search, no cascade. */
export async function loadOverlays(directory: string, cwd: string): Promise<OverlayRegistry> {
  const overlays: Record<string, PackInput> = {};
  const broken = new Map<string, string>();
  const sources = new Map<string, string>();
  const entries = existsSync(directory) ? await readdir(directory, { withFileTypes: true }) : [];
  for (const entry of entries.filter((item) => item.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name, 'pack.yaml');
    if (!existsSync(path)) continue;
    const file = relative(cwd, path);
    const read = await readText(cwd, path);
    if ('finding' in read) {
      broken.set(entry.name, file);
      continue;
    }
    sources.set(file, read.text);
    const loaded = loadPack(read.text, { file });
    if (loaded.pack) overlays[entry.name] = { pack: loaded.pack, file, positions: loaded.positions };
    else broken.set(entry.name, file);
  }
  return { overlays, broken, sources };
}
