import TAIPEI from '../../regional/taipei/pack.yaml?raw';
import type { PackInput } from '../layering';
import { loadPack } from './load';

export interface RegionalPack {
  /** The name findings on the overlay's values carry, e.g. `@portfolio-rules/core/regional/taipei/pack.yaml`. */
  readonly file: string;
  readonly text: string;
}

/**
 * The regional overlays a school pack may extend, by id: the fixed registry (no path search, no
 * cascade). Their pack files ship in the package, `regional/<id>/pack.yaml`.
 */
export const REGIONAL_PACKS: Readonly<Record<string, RegionalPack>> = {
  taipei: { file: '@portfolio-rules/core/regional/taipei/pack.yaml', text: TAIPEI },
};

let loaded: Readonly<Record<string, PackInput>> | undefined;

/**
 * The regional overlays loaded, by id: what `validatePack` layers a pack's `extends` on. Loaded once
 * (their texts never change) and frozen, so that no caller can change another's.
 */
export function regionalOverlays(): Readonly<Record<string, PackInput>> {
  loaded ??= deepFreeze(
    Object.fromEntries(
      Object.entries(REGIONAL_PACKS).map(([id, { file, text }]) => {
        const { pack, positions } = loadPack(text, { file });
        if (!pack) throw new Error(`the regional overlay ${id} does not load: run its tests`);
        return [id, { pack, file, positions }];
      }),
    ),
  );
  return loaded;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
