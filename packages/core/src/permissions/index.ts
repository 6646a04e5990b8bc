import { compareDates, type PlainDate } from '../_lib/date';
import { actingFor } from '../deputies';
import { createFinding } from '../findings/define';
import type { Position, Source } from '../findings/types';
import type { Decision, Finding } from '../catalogue';
import { type EffectivePack, provenanceOf } from '../layering';
import type { DiversePerformanceCategory, EntrySource, RecordKind } from '../records';
import type { Permission } from '../roles';
import { type Actor, fillsLink } from '../roles/actor';
import type { Division } from '../units';
import { PERMISSION_CODES } from './codes';
import { type Grant, nationalGrant, NATIONAL_MATRIX, WITHIN } from './matrix';
import type { Scope } from './schema';
import { unreachable } from '../_lib/unreachable';

export { PERMISSION_CODES } from './codes';
export { NATIONAL_MATRIX, nationalGrant, WITHIN, type Grant } from './matrix';
export { SCOPES, type Scope } from './schema';
export { PermissionsSchema, ScopeSchema, type Permissions } from './schema';

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
const same = (a: { role: string; permission: string }, b: { role: string; permission: string }) =>
  a.role === b.role && a.permission === b.permission;

/**
 * Applies a pack's `permissions:` to the national matrix: `narrow` takes a cell away (no scope) or
 * narrows its scope; `grant` gives back a cell a lower layer narrowed. Nothing may go beyond the
 * national matrix: such entries are ignored with PR5104.
 */
const NATIONAL: Matrix = Object.freeze({
  grants: Object.freeze(NATIONAL_MATRIX.map((cell) => Object.freeze({ ...cell, layer: 'national' }))),
  removed: [],
  findings: [],
});

export function effectiveMatrix(effective?: EffectivePack, positions?: Readonly<Record<string, Position>>): Matrix {
  const permissions = effective?.values.permissions;
  if (!effective || !permissions) return NATIONAL;
  const national = NATIONAL.grants;
  const own = effective.layers[effective.layers.length - 1];
  let grants: readonly Grant[] = national;
  const removed: Grant[] = [];
  const findings: Finding[] = [];
  const context = (path: string) => {
    const provenance = provenanceOf(effective.provenance, `${path}.role`);
    const position = provenance?.layer === own ? positions?.[path] : undefined;
    return {
      rule: 'permissions',
      subject: path,
      ...(provenance?.source && { source: provenance.source }),
      ...(provenance && { layer: provenance.layer }),
      ...(position && { position }),
    };
  };
  const widens = (
    path: string,
    entry: { role: string; permission: string; scope?: Scope | undefined },
    nationalScope?: Scope,
  ) =>
    findings.push(
      createFinding(
        PERMISSION_CODES.widensMatrix,
        {
          role: entry.role,
          permission: entry.permission,
          ...(entry.scope && { scope: entry.scope }),
          ...(nationalScope && { nationalScope }),
        },
        { ...context(path), related: [{ layer: 'national', source: MATRIX_SOURCE }] },
      ),
    );

  (permissions.narrow ?? []).forEach((entry, index) => {
    const path = `permissions.narrow.${index}`;
    const cell = grants.find((existing) => same(existing, entry));
    if (!cell) {
      findings.push(
        createFinding(
          PERMISSION_CODES.narrowsNothing,
          { role: entry.role, permission: entry.permission },
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
  (permissions.grant ?? []).forEach((entry, index) => {
    const path = `permissions.grant.${index}`;
    const ceiling = nationalGrant(entry.role, entry.permission);
    const scope = entry.scope ?? ceiling?.scope;
    if (!ceiling || !scope || !WITHIN[ceiling.scope].includes(scope)) return widens(path, entry, ceiling?.scope);
    const { source, layer } = context(path);
    const cell: Grant = {
      role: entry.role,
      permission: entry.permission,
      scope,
      source: source ?? ceiling.source,
      ...(layer && { layer }),
    };
    grants = [...grants.filter((existing) => !same(existing, cell)), cell];
    const back = removed.findIndex((existing) => same(existing, cell));
    if (back >= 0) removed.splice(back, 1);
  });
  return { grants, removed, findings };
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
  }
}

/** Whether the actor fills the acting link for this course: a 科內教師 of its department, a 領域教師 of its domain, or the unit or role named. */
function fillsFor(actor: Actor, link: string, resource: Resource): boolean {
  if (link === 'departmentTeacher')
    return actor.roles.includes('departmentTeacher') && includes(actor.departments, resource.department);
  if (link === 'domainTeacher')
    return actor.roles.includes('domainTeacher') && includes(actor.domains, resource.domain);
  if (link === 'courseTeacher')
    return actor.roles.includes('courseTeacher') && includes(actor.courses, resource.course);
  return fillsLink(actor, link);
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
            { actor: actor.id, permission, link: acting.acting, chain: acting.chain },
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
          { actor: actor.id, permission, role: first.role, scope: first.scope },
          { ...base, source: first.source, ...(first.layer && { layer: first.layer }) },
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
          { actor: actor.id, permission, role: taken.role },
          { ...base, source: taken.source, ...(taken.layer && { layer: taken.layer }) },
        ),
      ],
    };
  }
  return {
    allowed: false,
    findings: [
      createFinding(
        PERMISSION_CODES.notPermitted,
        { actor: actor.id, permission, roles: actor.roles },
        { ...base, source: MATRIX_SOURCE },
      ),
    ],
  };
}
