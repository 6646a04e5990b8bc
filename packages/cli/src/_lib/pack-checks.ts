import {
  checkDuties,
  checkGovernanceRules,
  checkPermissionRules,
  checkWindows,
  type EffectivePack,
  type FindingBase,
  type Position,
  type Validation,
} from '@portfolio-rules/core';
import { DEPUTY_CODES, GOVERNANCE_CODES, OWNERSHIP_CODES, WINDOW_CODES } from '@portfolio-rules/core/internal';

type PackCheck = (
  effective: EffectivePack,
  options: { readonly positions?: Readonly<Record<string, Position>> },
) => FindingBase[];

/** The concern checks core exports for a whole pack, each run when the pack writes one of its sections itself. */
const PACK_CHECKS: readonly { readonly sections: readonly string[]; readonly check: PackCheck }[] = [
  { sections: ['duties'], check: checkDuties },
  { sections: ['permissions'], check: checkPermissionRules },
  { sections: ['governance'], check: checkGovernanceRules },
  { sections: ['windows', 'windowBounds'], check: (effective) => checkWindows(effective) },
];

/**
 * What a pack leaves out rather than gets wrong: a duty without an owner, certification without a
 * deputy, no working group, convener, secretary or trainings, no window where a bound asks the school for one. Seeds are often silent on these, so
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
    WINDOW_CODES.boundWithoutWindow,
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
  const checks = PACK_CHECKS.filter(
    ({ sections }) => options.completeness || sections.some((section) => written[section] !== undefined),
  );
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
