import {
  checkDuties,
  checkGovernanceRules,
  checkPermissionRules,
  checkWindows,
  DEPUTY_CODES,
  type EffectivePack,
  type FindingBase,
  GOVERNANCE_CODES,
  OWNERSHIP_CODES,
  type Position,
  type Validation,
} from '@portfolio-rules/core';

type PackCheck = (
  effective: EffectivePack,
  options: { readonly positions?: Readonly<Record<string, Position>> },
) => FindingBase[];

/** The concern checks core exports for a whole pack, each run on a section the pack writes itself. */
const PACK_CHECKS: readonly { readonly section: string; readonly check: PackCheck }[] = [
  { section: 'duties', check: checkDuties },
  { section: 'permissions', check: checkPermissionRules },
  { section: 'governance', check: checkGovernanceRules },
  { section: 'windows', check: (effective) => checkWindows(effective) },
];

/**
 * What a pack leaves out rather than gets wrong: a duty without an owner, certification without a
 * deputy, no working group, convener, secretary or trainings. Seeds are often silent on these, so
 * `validate` does not report them; the pack audit (`audit` without data) does.
 */
export const COMPLETENESS_CODES: ReadonlySet<string> = new Set(
  [
    DEPUTY_CODES.noOwner,
    OWNERSHIP_CODES.certificationWithoutDeputy,
    GOVERNANCE_CODES.noWorkingGroup,
    GOVERNANCE_CODES.noConvener,
    GOVERNANCE_CODES.noSecretary,
    GOVERNANCE_CODES.noTrainings,
  ].map((spec) => spec.code),
);

const identity = (finding: FindingBase) => `${finding.code}|${finding.subject}|${JSON.stringify(finding.data)}`;

/**
 * Core's pack checks on every national version the pack spans, each finding once: what the pack
 * says, checked for consistency; with `completeness`, also what it leaves out.
 */
export function runPackChecks(
  validation: Validation,
  options: { readonly completeness?: boolean } = {},
): FindingBase[] {
  const written = (validation.loaded.pack ?? {}) as Record<string, unknown>;
  const checks = PACK_CHECKS.filter(({ section }) => options.completeness || written[section] !== undefined);
  const seen = new Set<string>();
  const findings: FindingBase[] = [];
  for (const effective of validation.resolution?.versions ?? []) {
    for (const { check } of checks) {
      for (const finding of check(effective, { positions: validation.loaded.positions })) {
        if (seen.has(identity(finding)) || (!options.completeness && COMPLETENESS_CODES.has(finding.code))) continue;
        seen.add(identity(finding));
        findings.push(finding);
      }
    }
  }
  return findings;
}
