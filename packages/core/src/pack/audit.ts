// One notion of a pack's compliance: what `portfolio-rules validate` and `audit` (without data)
// report, what a scenario's `when: validate` and `when: audit` check, and what vendors call.
import type { Finding } from '../catalogue';
import type { SchoolCalendar } from '../calendar';
import type { Position } from '../findings/types';
import { DEPUTY_CODES } from '../deputies/codes';
import { GOVERNANCE_CODES } from '../governance/codes';
import { checkGovernanceRules } from '../governance/rules';
import { effectiveFor, type EffectivePack, type ResolveOptions } from '../layering';
import { checkDuties } from '../ownership';
import { OWNERSHIP_CODES } from '../ownership/codes';
import { checkPermissionRules } from '../permissions';
import { checkWindows } from '../windows';
import { WINDOW_CODES } from '../windows/codes';
import type { LoadOptions } from './load';
import type { Pack } from './schema';
import { validatePack, type Validation } from './validate';

export interface PackAuditOptions extends LoadOptions, ResolveOptions {
  /** A school calendar: the windows are resolved by it and checked against the national minimums. */
  readonly calendar?: SchoolCalendar;
}

type PackCheck = (
  effective: EffectivePack,
  options: {
    readonly pack: Pack;
    readonly positions: Readonly<Record<string, Position>>;
    readonly calendar?: SchoolCalendar;
  },
) => Finding[];

/** Core's checks of a whole effective pack: what it says, checked for consistency, and what it leaves out. */
const PACK_CHECKS: readonly PackCheck[] = [
  (effective, { positions }) => checkDuties(effective, { positions }),
  (effective, { positions }) => checkPermissionRules(effective, { positions }),
  (effective, { positions }) => checkGovernanceRules(effective, { positions }),
  (effective, { pack, positions, calendar }) =>
    checkWindows(effective, calendar, { windows: pack.windows, windowBounds: pack.windowBounds, positions }),
];

/**
 * What a pack leaves out rather than gets wrong: a duty without an owner, certification without a
 * deputy, no working group, convener, secretary or trainings, no window where a bound asks the school
 * for one. A school's pack is audited for them; a regional overlay is not (the school sets them).
 * Commands that show what a pack says (explain, render, timeline) list the rest.
 */
export const PACK_OMISSIONS: ReadonlySet<string> = new Set(
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

const identity = (finding: Finding) => `${finding.code}|${finding.subject}|${JSON.stringify(finding.data)}`;

/**
 * Everything core says about a pack on its own, without a school's data: reading and the schema,
 * layering on the national rules (and a regional overlay) and their bounds, the pack's own clauses
 * and placeholders left from the template (`validatePack`), and the checks of its duties, permissions, governance and
 * windows — what it says and what it leaves out (a duty without an owner, certification without a
 * deputy; not for a regional overlay, which leaves them to its schools) — on every national version
 * the pack spans, or on the one of `options.term`. Each finding once.
 */
export function auditPack(text: string, options: PackAuditOptions = {}): Validation {
  const validation = validatePack(text, options);
  const { loaded, resolution } = validation;
  if (!loaded.pack || !resolution) return validation;
  const versions = options.term
    ? [effectiveFor(resolution, options.term)].filter((version) => version !== undefined)
    : resolution.versions;
  const findings: Finding[] = [...validation.findings];
  const seen = new Set(findings.map(identity));
  const overlay = loaded.pack.kind === 'overlay';
  const context = {
    pack: loaded.pack,
    positions: loaded.positions,
    ...(options.calendar && { calendar: options.calendar }),
  };
  for (const effective of versions) {
    for (const check of PACK_CHECKS) {
      for (const finding of check(effective, context)) {
        if (seen.has(identity(finding)) || (overlay && PACK_OMISSIONS.has(finding.code))) continue;
        seen.add(identity(finding));
        findings.push(finding);
      }
    }
  }
  return { ...validation, findings };
}
