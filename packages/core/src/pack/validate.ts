import type { Finding } from '../catalogue';
import { checkClauses } from '../clauses';
import { resolvePack, type PackInput, type Resolution, type ResolveOptions } from '../layering';
import { type LoadedPack, loadPack, type LoadOptions } from './load';
import { placeholderFindings } from './placeholders';
import { regionalOverlays } from './regional';

export interface Validation {
  readonly loaded: LoadedPack;
  readonly resolution?: Resolution;
  /** Load problems, or else layering findings (loosened national bounds, unknown layers) the values against the pack's own clauses (PR1030, PR1031) and placeholders (PR1040); with `auditPack`, everything it checks. */
  readonly findings: readonly Finding[];
}

/**
 * Loads and layers a pack in one go: reading, the schema, the national bounds, the pack's own
 * clauses and the template's placeholders left in it (PR1040). `auditPack` builds on it and is what `portfolio-rules validate` reports. A pack that
 * extends a regional overlay is layered on the registry's (`REGIONAL_PACKS`) unless
 * `options.overlays` says otherwise.
 */
export function validatePack(text: string, options: LoadOptions & ResolveOptions = {}): Validation {
  const loaded = loadPack(text, options);
  if (!loaded.pack) return { loaded, findings: loaded.findings };
  const regional = loaded.pack.extends !== undefined && loaded.pack.extends !== 'national';
  const overlays = options.overlays ?? (regional ? regionalOverlays() : {});
  const resolution = resolvePack(loaded as PackInput, { ...options, overlays });
  const clauses = checkClauses({ pack: loaded.pack, positions: loaded.positions }, text);
  const placeholders = placeholderFindings(loaded.pack, loaded.positions);
  return { loaded, resolution, findings: [...resolution.findings, ...clauses, ...placeholders] };
}
