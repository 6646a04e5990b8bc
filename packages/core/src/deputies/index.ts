import type { Deputy, Duty, DutyAssignment } from '../duties';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import { type EffectivePack, provenanceOf, valueAtPath } from '../layering';
import type { Division } from '../units';
import { ownNamesOf } from '../names';
import { DEPUTY_CODES } from './codes';

export { DEPUTY_CODES } from './codes';

/** Who acts for a duty: the first available link of the chain, the chain itself and how far it was walked. */
export interface ActingFor {
  readonly acting?: string;
  /** The owner, then the deputies in order; a designated deputy reads `designatedBy:<unit>`. */
  readonly chain: readonly string[];
  /** The links looked at, in order, up to and including the one that acts. */
  readonly walked: readonly { readonly who: string; readonly available: boolean }[];
  readonly findings: readonly Finding[];
}

/** The assignment that holds for a duty and where it sits in the pack: the division's own when it has one. */
export interface ResolvedAssignment {
  readonly owner?: string;
  readonly deputies: readonly Deputy[];
  /** The pack path of the assignment, e.g. `duties.basicData.byDivision.continuingEducation`. */
  readonly path: string;
}

export function deputyName(deputy: Deputy): string {
  return typeof deputy === 'string' ? deputy : `designatedBy:${deputy.designatedBy}`;
}

export function assignmentFor(effective: EffectivePack, duty: Duty, division?: Division): ResolvedAssignment {
  const assignment: DutyAssignment | undefined = effective.values.duties?.[duty];
  const own = division === undefined ? undefined : assignment?.byDivision?.[division];
  if (own && division !== undefined)
    return { owner: own.owner, deputies: own.deputies ?? [], path: `duties.${duty}.byDivision.${division}` };
  return {
    ...(assignment?.owner !== undefined && { owner: assignment.owner }),
    deputies: assignment?.deputies ?? [],
    path: `duties.${duty}`,
  };
}

/** The chain of a duty: owner first, then the deputies in order. */
export function chainOf(assignment: ResolvedAssignment): readonly string[] {
  return [...(assignment.owner === undefined ? [] : [assignment.owner]), ...assignment.deputies.map(deputyName)];
}

/**
 * The subject, clause, layer and — when the value was set by the pack itself and its positions are
 * given — the place in the file, for a finding about the duty table at `path`.
 */
export function dutyContext(effective: EffectivePack, path: string, positions?: Readonly<Record<string, Position>>) {
  // The merge records an object's own `source:` on its members, so an assignment's clause is read at its owner.
  const value = valueAtPath(effective.values, path);
  const isAssignment = value !== null && typeof value === 'object' && !Array.isArray(value);
  const provenance = provenanceOf(effective.provenance, isAssignment ? `${path}.owner` : path);
  const own = provenance?.layer === effective.layers[effective.layers.length - 1];
  const position = own ? positions?.[path] : undefined;
  return {
    subject: path,
    ...(provenance?.source && { source: provenance.source }),
    ...(provenance && { layer: provenance.layer }),
    ...(position && { position }),
  };
}

export interface ActingForOptions {
  /** Units, roles or `designatedBy:<unit>` links that cannot act now. */
  readonly unavailable: readonly string[];
  /** The student's division, when it has its own owners (新竹 六(一)(二): 進修部). */
  readonly division?: Division;
  /** Positions of the pack's values by path, to place findings in the file. */
  readonly positions?: Readonly<Record<string, Position>>;
}

/**
 * Walks a duty's chain — owner, first deputy, second deputy … (馬公 九(三), 新竹 十一(三)) — and
 * returns the first link that is available. When nobody is left, `acting` is undefined and an
 * error finding cites the clause that set the chain.
 */
export function actingFor(effective: EffectivePack, duty: Duty, options: ActingForOptions): ActingFor {
  const assignment = assignmentFor(effective, duty, options.division);
  const chain = chainOf(assignment);
  const unavailable = new Set(options.unavailable);
  const walked: { who: string; available: boolean }[] = [];
  for (const who of chain) {
    const available = !unavailable.has(who);
    walked.push({ who, available });
    if (available) return { acting: who, chain, walked, findings: [] };
  }
  const context = { rule: `duties.${duty}`, ...dutyContext(effective, assignment.path, options.positions) };
  const division =
    options.division !== undefined && assignment.path.includes('byDivision') ? { division: options.division } : {};
  const finding =
    assignment.owner === undefined
      ? createFinding(DEPUTY_CODES.noOwner, { duty, ...division }, context)
      : createFinding(
          DEPUTY_CODES.nobodyAvailable,
          { duty, chain, ...division, ...ownNamesOf(effective.values, chain) },
          context,
        );
  return { chain, walked, findings: [finding] };
}
