import type { EffectivePack, Localized, NationalBound, Source } from '@portfolio-rules/core';
import { provenanceOf } from '@portfolio-rules/core/internal';
import { declaredRoleWords } from './words';

/** One value of the effective pack and who set it. */
export interface Entry {
  /** `caps.courseOutcome.select.max`, `windows.0.closes.anchor`. */
  readonly path: string;
  readonly value: unknown;
  readonly layer: string;
  readonly source?: Source;
  /** The national bound on this value, which holds whatever the pack says. */
  readonly bound?: NationalBound;
  /**
   * What the raw values under this key mean, in words, where an identifier alone would not say it:
   * on a declared role's first value, the role's name and what it may do, within which scope.
   */
  readonly words?: Localized;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isScalarList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => !isPlain(item) && !Array.isArray(item));

/** The leaves of the effective values, in pack order; `source` keys are shown as provenance, not as values. */
function leaves(value: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (isPlain(value)) {
    for (const [key, inner] of Object.entries(value))
      if (key !== 'source') leaves(inner, path ? `${path}.${key}` : key, out);
  } else if (Array.isArray(value) && !isScalarList(value)) {
    value.forEach((inner, index) => leaves(inner, `${path}.${index}`, out));
  } else {
    out.push([path, value]);
  }
  return out;
}

function boundOn(path: string, bounds: readonly NationalBound[]): NationalBound | undefined {
  return bounds.find((bound) => (bound.kind === 'capMax' ? `${bound.path}.max` : bound.path) === path);
}

/** Every value of the effective pack with its layer and clause, optionally under a key prefix. */
export function entriesOf(effective: EffectivePack, key?: string): Entry[] {
  const roles = declaredRoleWords(effective);
  const worded = new Set<string>();
  return leaves(effective.values, '', [])
    .filter(([path]) => key === undefined || path === key || path.startsWith(`${key}.`))
    .map(([path, value]) => {
      const provenance = provenanceOf(effective.provenance, path);
      const bound = boundOn(path, effective.bounds);
      // A declared role's words go with the first of its values the table shows.
      const role = /^roles\.([^.]+)\./.exec(path)?.[1];
      const words = role === undefined || worded.has(role) ? undefined : roles.get(role);
      if (role !== undefined && words) worded.add(role);
      return {
        path,
        value,
        layer: provenance?.layer ?? effective.national.layer,
        ...(provenance?.source && { source: provenance.source }),
        ...(bound && { bound }),
        ...(words && { words }),
      };
    });
}

/** Every key path and every prefix of one, the keys `explain` accepts. */
export function keysOf(effective: EffectivePack): string[] {
  const keys = new Set<string>();
  for (const [path] of leaves(effective.values, '', [])) {
    const segments = path.split('.');
    segments.forEach((_, index) => keys.add(segments.slice(0, index + 1).join('.')));
  }
  return [...keys];
}
