import { type PackInput, REGIONAL_PACKS, regionalOverlays } from '@portfolio-rules/core';

export interface OverlayRegistry {
  /** The overlays that loaded cleanly, by id (their folder's name). */
  readonly overlays: Readonly<Record<string, PackInput>>;
  /** Overlays present in the registry whose pack has errors: id → file. */
  readonly broken: ReadonlyMap<string, string>;
  /** The overlays' texts by file name, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Core's registry of regional overlays (the ones `validatePack` knows), with their texts: no file read, so the browser playground uses it too. */
export function coreOverlayRegistry(): OverlayRegistry {
  const sources = new Map(Object.values(REGIONAL_PACKS).map(({ file, text }) => [file, text]));
  return { overlays: regionalOverlays(), broken: new Map(), sources };
}
