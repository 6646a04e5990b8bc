import type { Finding } from '../catalogue';
import type { Position } from '../findings/types';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';
import type { Window, WindowBound } from './schema';

/** The pack a window finding is placed in: its own windows and bounds, and where it wrote each value. */
export interface WindowPlaces {
  readonly windows?: readonly Window[] | undefined;
  readonly windowBounds?: readonly WindowBound[] | undefined;
  readonly positions: Readonly<Record<string, Position>>;
}

const SUBJECT = /^(windows|windowBounds)\.(\d+)$/;

/**
 * Where the pack itself wrote the window or bound a finding is about (`windows.3` of the effective
 * pack), or undefined when a lower layer set it. The merged index is not the pack's own: a regional
 * overlay's windows come first, and a school's window that replaces one of them takes its place.
 * Windows are matched by identity (the merge keeps the pack's entries); the bounds every layer
 * appends to end with the pack's own.
 */
function placeOf(effective: EffectivePack, places: WindowPlaces, subject: string): Position | undefined {
  const match = SUBJECT.exec(subject);
  if (!match) return undefined;
  const list = match[1] as 'windows' | 'windowBounds';
  const index = Number(match[2]);
  if (provenanceOf(effective.provenance, subject)?.layer !== effective.layers.at(-1)) return undefined;
  const merged: readonly unknown[] = effective.values[list] ?? [];
  const own: readonly unknown[] = places[list] ?? [];
  const at = list === 'windows' ? own.lastIndexOf(merged[index]) : index - (merged.length - own.length);
  return at < 0 ? undefined : places.positions[`${list}.${at}`];
}

/** Window findings with the place in the pack of the window or bound each is about, where the pack wrote it. */
export function placeWindowFindings(
  effective: EffectivePack,
  findings: readonly Finding[],
  places: WindowPlaces | undefined,
): Finding[] {
  if (!places) return [...findings];
  return findings.map((finding) => {
    if (finding.position) return finding;
    const position = placeOf(effective, places, finding.subject);
    return position ? { ...finding, position } : finding;
  });
}
