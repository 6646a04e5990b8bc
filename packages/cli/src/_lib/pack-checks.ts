import { checkDuties, checkPermissionRules, type EffectivePack, type Finding, type Position, type Validation } from '@portfolio-rules/core';

type PackCheck = (effective: EffectivePack, options: { readonly positions?: Readonly<Record<string, Position>> }) => Finding[];

/**
 * The concern checks core exports for a whole pack, run by `validate` after loading and layering,
 * each when the effective pack has its section. Completeness (a pack without a duty table) is the
 * pack audit's business, not validate's.
 */
const PACK_CHECKS: readonly { readonly section: string; readonly check: PackCheck }[] = [
  { section: 'duties', check: checkDuties },
  { section: 'permissions', check: checkPermissionRules },
];

const identity = (finding: Finding) => `${finding.code}|${finding.subject}|${JSON.stringify(finding.data)}`;

/** Every check on every national version the pack spans, each finding once. */
export function runPackChecks(validation: Validation): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const effective of validation.resolution?.versions ?? []) {
    for (const { section, check } of PACK_CHECKS) {
      if ((effective.values as Record<string, unknown>)[section] === undefined) continue;
      for (const finding of check(effective, { positions: validation.loaded.positions })) {
        if (seen.has(identity(finding))) continue;
        seen.add(identity(finding));
        findings.push(finding);
      }
    }
  }
  return findings;
}
