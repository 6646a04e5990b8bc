import { checkClauses } from '../clauses';
import type { Finding } from '../findings/types';
import { resolvePack, type PackInput, type Resolution, type ResolveOptions } from '../layering';
import { type LoadedPack, loadPack, type LoadOptions } from './load';

export { PACK_CODES } from './codes';
export { packJsonSchema } from './json-schema';
export { loadPack, PACK_LIMITS, type LoadedPack, type LoadOptions } from './load';
export { PackSchema, type Pack } from './schema';

export interface Validation {
  readonly loaded: LoadedPack;
  readonly resolution?: Resolution;
  /** Load problems, or else layering findings (loosened national bounds, unknown layers) and the values against the pack's own clauses (PR1030, PR1031). */
  readonly findings: readonly Finding[];
}

/** Loads and layers a pack in one go: what `portfolio-rules validate` reports. */
export function validatePack(text: string, options: LoadOptions & ResolveOptions = {}): Validation {
  const loaded = loadPack(text, options);
  if (!loaded.pack) return { loaded, findings: loaded.findings };
  const resolution = resolvePack(loaded as PackInput, options);
  const clauses = checkClauses({ pack: loaded.pack, positions: loaded.positions }, text);
  return { loaded, resolution, findings: [...resolution.findings, ...clauses] };
}
