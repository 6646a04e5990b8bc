import { suggest } from '../_lib/suggest';
import { assignmentFor, deputyName, dutyContext, type ResolvedAssignment } from '../deputies';
import { DEPUTY_CODES } from '../deputies/codes';
import { DUTIES, type Duty } from '../duties';
import { createFinding } from '../findings/define';
import type { Position, Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { ROLES } from '../roles';
import { COMMON_UNITS, DIVISIONS, type Division } from '../units';
import { ownNamesOf } from '../names';
import { OWNERSHIP_CODES } from './codes';

export { OWNERSHIP_CODES } from './codes';

/** Who owns a duty for a division's students, who deputises, and the clause that says so. */
export interface Ownership {
  readonly duty: Duty;
  readonly owner?: string;
  /** The deputies in order; a designated deputy reads `designatedBy:<unit>`. */
  readonly deputies: readonly string[];
  /** Set when the division has its own assignment (新竹 六(一)(二): 進修部). */
  readonly division?: Division;
  /** The pack path of the assignment. */
  readonly path: string;
  readonly source?: Source;
  readonly layer?: string;
}

export function ownerOf(
  effective: EffectivePack,
  duty: Duty,
  options: { readonly division?: Division } = {},
): Ownership {
  const assignment = assignmentFor(effective, duty, options.division);
  const { source, layer } = dutyContext(effective, assignment.path);
  return {
    duty,
    ...(assignment.owner !== undefined && { owner: assignment.owner }),
    deputies: assignment.deputies.map(deputyName),
    ...(options.division !== undefined && assignment.path.includes('.byDivision.') && { division: options.division }),
    path: assignment.path,
    ...(source && { source }),
    ...(layer && { layer }),
  };
}

/**
 * A unit that is the last link of more than this many duty chains gets PR5014: if it is away, all of
 * them stop at once. Our own threshold, not a clause: in 馬公 九(三), the reference table, no unit is the
 * last resort for more than 2 of the 8 duties. A pack audit may pass another limit.
 */
export const LAST_RESORT_LIMIT = 3;

export interface CheckDutiesOptions {
  /** Positions of the pack's values by path (`LoadedPack.positions`), to place findings in the file. */
  readonly positions?: Readonly<Record<string, Position>>;
  readonly lastResortLimit?: number;
}

/** The assignments of a duty as written: the general one and each division's own. */
function assignmentsOf(effective: EffectivePack, duty: Duty): ResolvedAssignment[] {
  const general = assignmentFor(effective, duty);
  const divisions = DIVISIONS.filter((division) => effective.values.duties?.[duty]?.byDivision?.[division]);
  return [general, ...divisions.map((division) => assignmentFor(effective, duty, division))];
}

/** The divisions a duty has no owner for: the school's divisions without their own owner when the general assignment has none. */
function ownerless(effective: EffectivePack, duty: Duty): Division[] {
  if (assignmentFor(effective, duty).owner !== undefined) return [];
  const divisions = effective.values.divisions ?? ['day'];
  return divisions.filter((division) => assignmentFor(effective, duty, division).owner === undefined);
}

/**
 * Audits a pack's table of duties (業務分工及代理人): every national duty has an owner; deputies are
 * neither the owner nor repeated; every owner and deputy is a declared unit, a common unit or a
 * role; certification has a deputy (學習歷程檔案QA 一(八)); no unit is the last resort for too many duties.
 */
export function checkDuties(effective: EffectivePack, options: CheckDutiesOptions = {}): Finding[] {
  const { positions } = options;
  const limit = options.lastResortLimit ?? LAST_RESORT_LIMIT;
  const units = Object.keys(effective.values.units ?? {});
  // Roles the pack declares may own duties too (not certification: PR5111, in the permission checks).
  const declared = Object.keys(effective.values.roles ?? {});
  const known = [...new Set([...units, ...Object.keys(COMMON_UNITS), ...ROLES, ...declared])];
  const findings: Finding[] = [];
  const lastResorts = new Map<string, Duty[]>();

  const checkKnown = (duty: Duty, who: string, path: string) => {
    if (known.includes(who)) return;
    const suggestion = suggest(who, known);
    findings.push(
      createFinding(
        OWNERSHIP_CODES.unknownUnitOrRole,
        { duty, who, ...(suggestion && { suggestion }) },
        { rule: 'duties.units', ...dutyContext(effective, path, positions) },
      ),
    );
  };

  for (const duty of DUTIES) {
    const missing = ownerless(effective, duty);
    if (missing.length > 0) {
      const division =
        (effective.values.divisions?.length ?? 1) > 1 && missing.length === 1 && missing[0] !== undefined
          ? { division: missing[0] }
          : {};
      findings.push(
        createFinding(
          DEPUTY_CODES.noOwner,
          { duty, ...division },
          { rule: 'duties.owner', ...dutyContext(effective, `duties.${duty}`, positions) },
        ),
      );
    }
    for (const assignment of assignmentsOf(effective, duty)) {
      const { owner, deputies, path } = assignment;
      const division = path.includes('.byDivision.') ? { division: path.slice(path.lastIndexOf('.') + 1) } : {};
      if (owner !== undefined) checkKnown(duty, owner, `${path}.owner`);
      const names = deputies.map(deputyName);
      deputies.forEach((deputy, index) => {
        const at = `${path}.deputies.${index}`;
        const name = deputyName(deputy);
        const first = names.indexOf(name);
        if (name === owner)
          findings.push(
            createFinding(
              OWNERSHIP_CODES.deputyIsOwner,
              { duty, deputy: name, index, ...ownNamesOf(effective.values, [name]) },
              { rule: 'duties.deputies', ...dutyContext(effective, at, positions) },
            ),
          );
        else if (first < index)
          findings.push(
            createFinding(
              OWNERSHIP_CODES.deputyRepeated,
              { duty, deputy: name, index, first, ...ownNamesOf(effective.values, [name]) },
              { rule: 'duties.deputies', ...dutyContext(effective, at, positions) },
            ),
          );
        checkKnown(
          duty,
          typeof deputy === 'string' ? deputy : deputy.designatedBy,
          typeof deputy === 'string' ? at : `${at}.designatedBy`,
        );
      });
      if (duty === 'courseOutcomeCertification' && owner !== undefined && deputies.length === 0) {
        findings.push(
          createFinding(
            OWNERSHIP_CODES.certificationWithoutDeputy,
            { duty, ...division },
            {
              rule: 'duties.certification.deputy',
              ...dutyContext(effective, path, positions),
              source: { document: '學習歷程檔案QA', clause: '一(八)' },
            },
          ),
        );
      }
      const last = deputies[deputies.length - 1] ?? owner;
      // A designated deputy is whoever the unit head names at the time, not a fixed unit: it does not pile up.
      if (typeof last === 'string') {
        const piled = lastResorts.get(last) ?? [];
        if (!piled.includes(duty)) lastResorts.set(last, [...piled, duty]);
      }
    }
  }

  for (const [who, duties] of lastResorts) {
    if (duties.length <= limit) continue;
    const position = positions?.duties;
    findings.push(
      createFinding(
        OWNERSHIP_CODES.lastResortOverload,
        { who, duties, limit, ...ownNamesOf(effective.values, [who]) },
        { rule: 'duties.lastResort', subject: 'duties', ...(position && { position }) },
      ),
    );
  }
  return findings;
}
