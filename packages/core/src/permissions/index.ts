import { compareDates, type PlainDate } from '../_lib/date';
import { actingFor } from '../deputies';
import { createFinding } from '../findings/define';
import type { Localized, Position, Source } from '../findings/types';
import type { Decision, Finding } from '../catalogue';
import { type EffectivePack, provenanceOf } from '../layering';
import type { DiversePerformanceCategory, EntrySource, RecordKind } from '../records';
import { declaredRoleNames, ownNamesOf } from '../names';
import { type Permission, type Role, RESERVED_PERMISSIONS, ROLES } from '../roles';
import { suggest } from '../_lib/suggest';
import { type Actor, fillsCertificationLink } from '../roles/actor';
import type { Division } from '../units';
import { PERMISSION_CODES } from './codes';
import { type Grant, nationalGrant, NATIONAL_MATRIX, WITHIN } from './matrix';
import type { Scope } from './schema';
import { unreachable } from '../_lib/unreachable';

export { PERMISSION_CODES } from './codes';
export { NATIONAL_MATRIX, nationalGrant, WITHIN, type Grant } from './matrix';
export { SCOPES, type Scope } from './schema';
export {
  DeclaredRolesSchema,
  PermissionsSchema,
  ScopeSchema,
  type DeclaredRole,
  type DeclaredRoles,
  type Permissions,
} from './schema';

/** What an action touches: a student's record of some kind, or a school-wide object (settings, announcements, the certificate list). */
export interface Resource {
  readonly kind: RecordKind | 'certificateItem' | 'announcement' | 'settings';
  readonly id?: string;
  readonly studentId?: string;
  readonly class?: string;
  readonly course?: string;
  /** The course's department (科) and domain (領域), for the deputy roles of 馬公 九(三). */
  readonly department?: string;
  readonly domain?: string;
  readonly category?: DiversePerformanceCategory;
  readonly entry?: EntrySource;
  readonly division?: Division;
}

export interface PermissionContext {
  /** The pack in force: its narrowing of the matrix and its certification deputy chain. */
  readonly effective?: EffectivePack;
  /** Links of the certification chain that cannot act now (`courseTeacher`, `registration` …). */
  readonly unavailable?: readonly string[];
  /** `effectiveMatrix(effective)`, computed once when deciding many times under the same pack. */
  readonly matrix?: Matrix;
}

/** The matrix a pack leaves: the national cells minus what it takes away, its findings, and the cells it removed. */
export interface Matrix {
  readonly grants: readonly Grant[];
  readonly removed: readonly Grant[];
  readonly findings: readonly Finding[];
}

const MATRIX_SOURCE: Source = { document: '學習歷程平臺操作手冊', clause: '第4章' };
/** Who a reserved permission belongs to, and the clause that says so. */
const RESERVED: Readonly<Record<(typeof RESERVED_PERMISSIONS)[number], { holder: Role; source: Source }>> = {
  certifyCourseOutcomes: {
    holder: 'courseTeacher',
    source: { document: '學習歷程平臺操作手冊', clause: '第4章、4-7' },
  },
  permissionSettings: { holder: 'systemAdmin', source: { document: '學習歷程平臺操作手冊', clause: '第4章、4-1' } },
};
const same = (a: { role: string; permission: string }, b: { role: string; permission: string }) =>
  a.role === b.role && a.permission === b.permission;
const isNationalRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);
const isReserved = (permission: Permission): permission is keyof typeof RESERVED => Object.hasOwn(RESERVED, permission);

const NATIONAL: Matrix = Object.freeze({
  grants: Object.freeze(NATIONAL_MATRIX.map((cell) => Object.freeze({ ...cell, layer: 'national' }))),
  removed: [],
  findings: [],
});

/**
 * The matrix a pack leaves, applied in this order:
 * - `roles:` declares roles the national matrix lacks, each permission within the scope it names;
 *   a declared role never certifies nor sets permissions (PR5109), and a national role cannot be
 *   declared again (PR5110).
 * - `permissions.narrow` takes a cell away (no scope) or narrows its scope (PR5107 when the role does
 *   not hold it).
 * - `permissions.grant` gives back a cell a layer below narrowed or took away, up to the national
 *   matrix or the role's declaration — it never adds one (PR5104).
 * A role that is neither national nor declared is PR5108. Every refused entry is a finding; none is dropped silently.
 */
export function effectiveMatrix(effective?: EffectivePack, positions?: Readonly<Record<string, Position>>): Matrix {
  const permissions = effective?.values.permissions;
  const declaredRoles = effective?.values.roles;
  if (!effective || (!permissions && !declaredRoles)) return NATIONAL;
  const own = effective.layers[effective.layers.length - 1];
  const names = declaredRoleNames(declaredRoles);
  const named = Object.keys(names).length > 0 ? { names } : {};
  let grants: readonly Grant[] = NATIONAL.grants;
  const removed: Grant[] = [];
  const findings: Finding[] = [];
  /** Declared cells, the ceiling a grant may give back to a declared role. */
  const declared: Grant[] = [];
  const context = (path: string, field = 'role') => {
    const provenance = provenanceOf(effective.provenance, `${path}.${field}`);
    const position = provenance?.layer === own ? positions?.[path] : undefined;
    return {
      rule: 'permissions',
      subject: path,
      ...(provenance?.source && { source: provenance.source }),
      ...(provenance && { layer: provenance.layer }),
      ...(position && { position }),
    };
  };
  const known = (path: string, role: string): boolean => {
    if (isNationalRole(role) || declared.some((cell) => cell.role === role) || Object.hasOwn(names, role)) return true;
    const suggestion = suggest(role, [...ROLES, ...Object.keys(names)]);
    findings.push(
      createFinding(PERMISSION_CODES.unknownRole, { role, path, ...(suggestion && { suggestion }) }, context(path)),
    );
    return false;
  };
  const widens = (
    path: string,
    entry: { role: string; permission: string; scope?: Scope | undefined },
    ceilingScope?: Scope,
  ) =>
    findings.push(
      createFinding(
        PERMISSION_CODES.widensMatrix,
        {
          role: entry.role,
          permission: entry.permission,
          ...(entry.scope && { scope: entry.scope }),
          ...(ceilingScope && { nationalScope: ceilingScope }),
          ...(!isNationalRole(entry.role) && { declared: true }),
          ...named,
        },
        { ...context(path), related: [{ layer: 'national', source: MATRIX_SOURCE }] },
      ),
    );

  for (const [role, declaration] of Object.entries(declaredRoles ?? {})) {
    if (isNationalRole(role)) {
      findings.push(
        createFinding(
          PERMISSION_CODES.redeclaresNationalRole,
          { role },
          { ...context(`roles.${role}`, 'name'), related: [{ layer: 'national', source: MATRIX_SOURCE }] },
        ),
      );
      continue;
    }
    declaration.permissions.forEach((entry, index) => {
      const path = `roles.${role}.permissions.${index}`;
      const setBy = context(path, 'permission');
      if (isReserved(entry.permission)) {
        const { holder, source } = RESERVED[entry.permission];
        findings.push(
          createFinding(
            PERMISSION_CODES.reservedPermission,
            { role, permission: entry.permission, holder, ...named },
            {
              ...setBy,
              source,
              related: [{ layer: setBy.layer ?? own ?? 'school', ...(setBy.source && { source: setBy.source }) }],
            },
          ),
        );
        return;
      }
      const cell: Grant = {
        role,
        permission: entry.permission,
        scope: entry.scope,
        ...(setBy.source && { source: setBy.source }),
        ...(setBy.layer && { layer: setBy.layer }),
      };
      declared.push(cell);
      grants = [...grants.filter((existing) => !same(existing, cell)), cell];
    });
  }

  (permissions?.narrow ?? []).forEach((entry, index) => {
    const path = `permissions.narrow.${index}`;
    if (!known(path, entry.role)) return;
    const cell = grants.find((existing) => same(existing, entry));
    if (!cell) {
      findings.push(
        createFinding(
          PERMISSION_CODES.narrowsNothing,
          { role: entry.role, permission: entry.permission, ...named },
          context(path),
        ),
      );
      return;
    }
    const { source, layer } = context(path);
    const setBy = { source: source ?? MATRIX_SOURCE, ...(layer && { layer }) };
    if (entry.scope === undefined) {
      grants = grants.filter((existing) => existing !== cell);
      removed.push({ ...cell, ...setBy });
    } else if (WITHIN[cell.scope].includes(entry.scope)) {
      grants = grants.map((existing) =>
        existing === cell ? { ...cell, scope: entry.scope ?? unreachable('the scope'), ...setBy } : existing,
      );
    } else widens(path, entry, cell.scope);
  });
  (permissions?.grant ?? []).forEach((entry, index) => {
    const path = `permissions.grant.${index}`;
    if (!known(path, entry.role)) return;
    const ceiling = isNationalRole(entry.role)
      ? nationalGrant(entry.role, entry.permission)
      : declared.find((cell) => same(cell, entry));
    const scope = entry.scope ?? ceiling?.scope;
    if (!ceiling || !scope || !WITHIN[ceiling.scope].includes(scope)) return widens(path, entry, ceiling?.scope);
    const { source, layer } = context(path);
    const cell: Grant = {
      role: entry.role,
      permission: entry.permission,
      scope,
      ...((source ?? ceiling.source) && { source: source ?? ceiling.source }),
      ...(layer && { layer }),
    };
    grants = [...grants.filter((existing) => !same(existing, cell)), cell];
    const back = removed.findIndex((existing) => same(existing, cell));
    if (back >= 0) removed.splice(back, 1);
  });
  findings.push(...declaredInCertificationChain(effective, names, positions));
  return { grants, removed, findings };
}

/** PR5111: a declared role named as the owner or a deputy of course-outcome certification. */
function declaredInCertificationChain(
  effective: EffectivePack,
  names: Readonly<Record<string, Localized>>,
  positions?: Readonly<Record<string, Position>>,
): Finding[] {
  const duty = effective.values.duties?.courseOutcomeCertification;
  if (!duty || Object.keys(names).length === 0) return [];
  const base = 'duties.courseOutcomeCertification';
  const assignments = [
    { path: base, owner: duty.owner, deputies: duty.deputies ?? [] },
    ...Object.entries(duty.byDivision ?? {}).map(([division, assignment]) => ({
      path: `${base}.byDivision.${division}`,
      owner: assignment.owner,
      deputies: assignment.deputies ?? [],
    })),
  ];
  return assignments.flatMap(({ path, owner, deputies }) =>
    [
      { link: owner, at: `${path}.owner` },
      ...deputies.map((deputy, index) => ({
        link: typeof deputy === 'string' ? deputy : undefined,
        at: `${path}.deputies.${index}`,
      })),
    ]
      .filter(
        (entry): entry is { link: string; at: string } => entry.link !== undefined && Object.hasOwn(names, entry.link),
      )
      .map(({ link, at }) => {
        const provenance = provenanceOf(effective.provenance, at);
        const position = positions?.[at];
        return createFinding(
          PERMISSION_CODES.declaredRoleCertifies,
          { role: link, path: at, names },
          {
            rule: 'permissions',
            subject: at,
            source: RESERVED.certifyCourseOutcomes.source,
            ...(provenance && { layer: provenance.layer }),
            ...(provenance?.source && { related: [{ layer: provenance.layer, source: provenance.source }] }),
            ...(position && { position }),
          },
        );
      }),
  );
}

/** A pack's own `permissions:` audited against the national matrix (PR5104, PR5107). */
export function checkPermissionRules(
  effective: EffectivePack,
  options: { readonly positions?: Readonly<Record<string, Position>> } = {},
): Finding[] {
  return [...effectiveMatrix(effective, options.positions).findings];
}

const includes = (list: readonly string[] | undefined, value: string | undefined) =>
  value !== undefined && (list ?? []).includes(value);

export function inScope(scope: Scope, actor: Actor, resource: Resource): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'courseOutcomes':
      return resource.kind === 'courseOutcome';
    case 'diversePerformances':
      return resource.kind === 'diversePerformance';
    case 'cadre':
      return resource.kind === 'cadre';
    case 'diverseItems':
      return resource.kind === 'diversePerformance' && resource.entry === 'bulkImport';
    case 'certificates':
      return (
        resource.kind === 'certificateItem' ||
        (resource.kind === 'diversePerformance' && resource.category === 'certificate')
      );
    case 'taughtCourses':
      return resource.kind === 'courseOutcome' && includes(actor.courses, resource.course);
    case 'ownClass':
      return includes(actor.classes, resource.class);
    case 'self':
      return resource.studentId !== undefined && resource.studentId === actor.studentId;
    case 'advisees':
      return includes(actor.advisees, resource.studentId);
  }
}

/**
 * Whether the actor fills the acting link for this course: a 科內教師 of its department, a 領域教師 of
 * its domain, or the unit or national role named. A role the pack declares never does (PR5111).
 */
function fillsFor(actor: Actor, link: string, resource: Resource): boolean {
  if (link === 'departmentTeacher')
    return actor.roles.includes('departmentTeacher') && includes(actor.departments, resource.department);
  if (link === 'domainTeacher')
    return actor.roles.includes('domainTeacher') && includes(actor.domains, resource.domain);
  if (link === 'courseTeacher')
    return actor.roles.includes('courseTeacher') && includes(actor.courses, resource.course);
  return fillsCertificationLink(actor, link);
}

/**
 * May this actor do this to this resource on this day? The national matrix (學習歷程平臺操作手冊 第4章)
 * as the pack narrows it, with its scopes; a course teacher's certification also passes to whoever
 * acts in the certification deputy chain (馬公 九(三), 新竹 十一(三)2(1)) when the teacher is unavailable.
 */
export function can(
  actor: Actor,
  permission: Permission,
  resource: Resource,
  at: PlainDate,
  context: PermissionContext = {},
): Decision {
  const subject = resource.id ?? resource.studentId ?? resource.kind;
  const base = { rule: `permissions.${permission}`, subject };
  if (actor.activeUntil !== undefined && compareDates(at, actor.activeUntil) > 0) {
    return {
      allowed: false,
      findings: [
        createFinding(
          PERMISSION_CODES.accountExpired,
          { actor: actor.id, activeUntil: actor.activeUntil, at },
          { ...base, source: { document: '馬公補充規定', clause: '九(二)2(2)' } },
        ),
      ],
    };
  }
  const matrix = context.matrix ?? effectiveMatrix(context.effective);
  const names = context.effective?.values.roles ? { names: declaredRoleNames(context.effective.values.roles) } : {};
  const held = matrix.grants.filter((cell) => cell.permission === permission && actor.roles.includes(cell.role));
  if (held.some((cell) => inScope(cell.scope, actor, resource))) return { allowed: true, findings: [] };

  if (
    permission === 'certifyCourseOutcomes' &&
    resource.kind === 'courseOutcome' &&
    context.effective &&
    matrix.grants.some((cell) => cell.permission === permission)
  ) {
    const acting = actingFor(context.effective, 'courseOutcomeCertification', {
      unavailable: context.unavailable ?? [],
      ...(resource.division && { division: resource.division }),
    });
    if (acting.acting !== undefined && acting.walked.length > 1 && fillsFor(actor, acting.acting, resource)) {
      const provenance = provenanceOf(context.effective.provenance, 'duties.courseOutcomeCertification.owner');
      return {
        allowed: true,
        findings: [
          createFinding(
            PERMISSION_CODES.actingAsDeputy,
            {
              actor: actor.id,
              permission,
              link: acting.acting,
              chain: acting.chain,
              ...ownNamesOf(context.effective.values, acting.chain),
            },
            {
              ...base,
              ...(provenance?.source && { source: provenance.source }),
              ...(provenance && { layer: provenance.layer }),
            },
          ),
        ],
      };
    }
  }

  const [first] = held;
  if (first) {
    return {
      allowed: false,
      findings: [
        createFinding(
          PERMISSION_CODES.outOfScope,
          { actor: actor.id, permission, role: first.role, scope: first.scope, ...names },
          { ...base, ...(first.source && { source: first.source }), ...(first.layer && { layer: first.layer }) },
        ),
      ],
    };
  }
  const taken = matrix.removed.find((cell) => cell.permission === permission && actor.roles.includes(cell.role));
  if (taken) {
    return {
      allowed: false,
      findings: [
        createFinding(
          PERMISSION_CODES.removedByPack,
          { actor: actor.id, permission, role: taken.role, ...names },
          { ...base, ...(taken.source && { source: taken.source }), ...(taken.layer && { layer: taken.layer }) },
        ),
      ],
    };
  }
  return {
    allowed: false,
    findings: [
      createFinding(
        PERMISSION_CODES.notPermitted,
        { actor: actor.id, permission, roles: actor.roles, ...names },
        { ...base, source: MATRIX_SOURCE },
      ),
    ],
  };
}
