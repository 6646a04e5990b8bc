import type { RelatedSource, Source } from '../findings/types';
import type { EffectivePack } from './index';
import { provenanceOf, valueAtPath } from './merge';

/** A minimum in force (days, meetings, years) and who set it; the national bound beside it when they agree. */
export interface Minimum {
  readonly min: number;
  readonly layer?: string;
  readonly source?: Source;
  /** The national bound, when a pack's value equals it: both are cited, as a cap and its bound are. */
  readonly related?: readonly RelatedSource[];
}

/**
 * The minimum in force at `path`: the pack's value, or the national bound where that is higher (a
 * pack that asks less loosens the bound, PR2003, and the bound applies). When the value a school or
 * overlay wrote equals the bound, the finding cites the pack's clause with the national one in
 * `related`. Undefined when neither the pack nor the national rules set one. `cited` names the path
 * whose clause cites the pack's value, when it is not `path` itself.
 */
export function minimumAt(effective: EffectivePack, path: string, cited: string = path): Minimum | undefined {
  const found = effective.bounds.find((bound) => bound.kind === 'min' && bound.path === path);
  const bound = found?.kind === 'min' ? found : undefined;
  const national = bound && { min: bound.min, layer: effective.national.layer, source: bound.source };
  const own = valueAtPath(effective.values, path);
  if (typeof own !== 'number') return national;
  const setBy = provenanceOf(effective.provenance, cited);
  const pack: Minimum = {
    min: own,
    ...(setBy && { layer: setBy.layer }),
    ...(setBy?.source && { source: setBy.source }),
  };
  if (!national || setBy?.layer === national.layer || own > national.min) return pack;
  if (own < national.min) return national;
  return { ...pack, related: [{ layer: national.layer, source: national.source }] };
}
