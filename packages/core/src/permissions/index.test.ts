import type { FindingBase } from '../findings/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveFrom, HSINCHU_DUTIES, MAGONG_DUTIES } from '../duties/seed-tables.fixture';
import { validatePack } from '../pack';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../roles';
import type { Actor } from '../roles/actor';
import { can, checkPermissionRules, effectiveMatrix, inScope, NATIONAL_MATRIX, type Resource, SCOPES } from './index';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);
const DAY = '2024-01-10';
const codes = (decision: { findings: readonly { code: string }[] }) => decision.findings.map((f) => f.code);

const teacher: Actor = {
  id: 't-wang',
  roles: ['courseTeacher', 'homeroomTeacher', 'departmentTeacher'],
  courses: ['math-1'],
  classes: ['101'],
  departments: ['math'],
};
const student: Actor = { id: 's-1', roles: ['student'], studentId: 's-1' };
const outcome = (course: string, extra: Partial<Resource> = {}): Resource => ({
  kind: 'courseOutcome',
  id: `co-${course}`,
  studentId: 's-1',
  class: '101',
  course,
  ...extra,
});

describe('the national matrix (學習歷程平臺操作手冊 第4章)', () => {
  it("has the manual's 24 cells, each citing its section", () => {
    expect(NATIONAL_MATRIX).toHaveLength(24);
    expect(
      NATIONAL_MATRIX.every(
        (cell) => cell.source?.document === '學習歷程平臺操作手冊' && cell.source.clause.startsWith('第4章'),
      ),
    ).toBe(true);
    const admin = NATIONAL_MATRIX.filter((cell) => cell.role === 'systemAdmin').map((cell) => cell.permission);
    expect(admin).not.toContain('certifyCourseOutcomes');
    expect(admin).not.toContain('maintainStudentData');
    expect(NATIONAL_MATRIX.filter((cell) => cell.role === 'courseTeacher').map((cell) => cell.permission)).toEqual([
      'certifyCourseOutcomes',
    ]);
  });
});

describe('can — scopes', () => {
  it('a course teacher certifies only the courses they teach', () => {
    expect(can(teacher, 'certifyCourseOutcomes', outcome('math-1'), DAY)).toEqual({ allowed: true, findings: [] });
    const other = can(teacher, 'certifyCourseOutcomes', outcome('physics-1'), DAY);
    expect(other.allowed).toBe(false);
    expect(other.findings[0]).toMatchObject({
      code: 'PR5102',
      severity: 'error',
      subject: 'co-physics-1',
      data: { role: 'courseTeacher', scope: 'taughtCourses' },
      source: { clause: '第4章、4-7' },
    });
  });

  it('a homeroom teacher views only their class, and certifies nothing by being one', () => {
    const homeroom: Actor = { id: 't-lin', roles: ['homeroomTeacher'], classes: ['101'] };
    expect(can(homeroom, 'viewPortfolio', outcome('math-1'), DAY).allowed).toBe(true);
    expect(codes(can(homeroom, 'viewPortfolio', outcome('math-1', { class: '102' }), DAY))).toEqual(['PR5102']);
    expect(codes(can(homeroom, 'certifyCourseOutcomes', outcome('math-1'), DAY))).toEqual(['PR5101']);
  });

  it('a submitter sees and submits only its own category', () => {
    const submitter: Actor = { id: 'u-teaching', roles: ['courseOutcomeSubmitter'], units: ['teaching'] };
    expect(can(submitter, 'viewPortfolio', outcome('math-1'), DAY).allowed).toBe(true);
    expect(can(submitter, 'submitToCentral', { kind: 'courseOutcome' }, DAY).allowed).toBe(true);
    expect(
      codes(
        can(submitter, 'viewPortfolio', { kind: 'diversePerformance', studentId: 's-1', category: 'competition' }, DAY),
      ),
    ).toEqual(['PR5102']);
    expect(codes(can(submitter, 'editPortfolio', outcome('math-1'), DAY))).toEqual(['PR5101']);
    const cadre: Actor = { id: 'u-life', roles: ['cadreSubmitter'] };
    expect(can(cadre, 'editPortfolio', { kind: 'cadre', studentId: 's-1' }, DAY).allowed).toBe(true);
    expect(codes(can(cadre, 'submitToCentral', { kind: 'diversePerformance' }, DAY))).toEqual(['PR5102']);
  });

  it('item managers: 限項目 is bulk-imported items, 限證照 certificates', () => {
    const items: Actor = { id: 'm-1', roles: ['diverseItemManager'] };
    expect(
      can(items, 'editPortfolio', { kind: 'diversePerformance', entry: 'bulkImport', category: 'works' }, DAY).allowed,
    ).toBe(true);
    expect(
      can(items, 'editPortfolio', { kind: 'diversePerformance', entry: 'student', category: 'works' }, DAY).allowed,
    ).toBe(false);
    const certificates: Actor = { id: 'm-2', roles: ['certificateItemManager'] };
    expect(can(certificates, 'manageCertificateItems', { kind: 'certificateItem' }, DAY).allowed).toBe(true);
    expect(
      can(certificates, 'viewPortfolio', { kind: 'diversePerformance', category: 'certificate' }, DAY).allowed,
    ).toBe(true);
    expect(can(certificates, 'viewPortfolio', { kind: 'diversePerformance', category: 'volunteer' }, DAY).allowed).toBe(
      false,
    );
  });

  it('a student edits only their own records', () => {
    expect(can(student, 'editPortfolio', outcome('math-1'), DAY).allowed).toBe(true);
    expect(can(student, 'maintainStudentData', { kind: 'studyPlan', studentId: 's-1' }, DAY).allowed).toBe(true);
    const foreign = can(student, 'editPortfolio', outcome('math-1', { studentId: 's-2' }), DAY);
    expect(foreign.findings[0]).toMatchObject({ code: 'PR5102', data: { scope: 'self' } });
    expect(codes(can(student, 'certifyCourseOutcomes', outcome('math-1'), DAY))).toEqual(['PR5101']);
  });

  it('the system administrator may not certify (the manual leaves that cell empty)', () => {
    const admin: Actor = { id: 'admin', roles: ['systemAdmin'] };
    expect(can(admin, 'submitToCentral', { kind: 'basicData' }, DAY).allowed).toBe(true);
    expect(codes(can(admin, 'certifyCourseOutcomes', outcome('math-1'), DAY))).toEqual(['PR5101']);
  });

  it("a departed teacher's account acts until its last day, then PR5105 (馬公 九(二)2(2))", () => {
    const departed: Actor = { ...teacher, activeUntil: '2024-02-15' };
    expect(can(departed, 'certifyCourseOutcomes', outcome('math-1'), '2024-02-15').allowed).toBe(true);
    const after = can(departed, 'certifyCourseOutcomes', outcome('math-1'), '2024-02-16');
    expect(after.findings[0]).toMatchObject({ code: 'PR5105', data: { activeUntil: '2024-02-15', at: '2024-02-16' } });
  });
});

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

describe('purity', () => {
  it('decides on deep-frozen packs, actors and resources', () => {
    const effective = deepFreeze(
      effectiveFrom(
        `${MAGONG_DUTIES}permissions:\n  narrow:\n    - { role: systemAdmin, permission: editPortfolio }\n`,
      ),
    );
    const colleague = deepFreeze<Actor>({ id: 't-chen', roles: ['departmentTeacher'], departments: ['math'] });
    const resource = deepFreeze<Resource>(outcome('math-1', { department: 'math' }));
    expect(
      can(colleague, 'certifyCourseOutcomes', resource, DAY, deepFreeze({ effective, unavailable: ['courseTeacher'] }))
        .allowed,
    ).toBe(true);
    expect(can({ id: 'a', roles: ['systemAdmin'] }, 'editPortfolio', resource, DAY, { effective }).allowed).toBe(false);
    expect(checkPermissionRules(effective)).toEqual([]);
  });
});

describe('can — certification by the deputy chain', () => {
  const magong = effectiveFrom(MAGONG_DUTIES);
  const hsinchu = effectiveFrom(HSINCHU_DUTIES, 'hsinchu', '新竹補充規定');
  const colleague: Actor = {
    id: 't-chen',
    roles: ['courseTeacher', 'departmentTeacher'],
    courses: ['math-2'],
    departments: ['math'],
  };
  const mathOutcome = outcome('math-1', { department: 'math', domain: 'mathematics' });

  it('馬公: a 科內教師 of the department certifies when the course teacher is unavailable', () => {
    const decision = can(colleague, 'certifyCourseOutcomes', mathOutcome, DAY, {
      effective: magong,
      unavailable: ['courseTeacher'],
    });
    expect(decision.allowed).toBe(true);
    expect(decision.findings).toHaveLength(1);
    expect(decision.findings[0]).toMatchObject({
      code: 'PR5106',
      severity: 'info',
      data: { link: 'departmentTeacher' },
      source: { document: '馬公補充規定', clause: '九(三)' },
    });
  });

  it('but not while the course teacher is available, nor for another department', () => {
    expect(
      codes(can(colleague, 'certifyCourseOutcomes', mathOutcome, DAY, { effective: magong, unavailable: [] })),
    ).toEqual(['PR5102']);
    expect(
      can(colleague, 'certifyCourseOutcomes', { ...mathOutcome, department: 'physics' }, DAY, {
        effective: magong,
        unavailable: ['courseTeacher'],
      }).allowed,
    ).toBe(false);
  });

  it('新竹: 註冊組 certifies for an unavailable teacher, 進修部教務組 for 進修部 students', () => {
    const registrar: Actor = { id: 'r-1', roles: [], units: ['registration'] };
    const ceRegistrar: Actor = { id: 'r-2', roles: [], units: ['ceAcademic'] };
    expect(
      can(registrar, 'certifyCourseOutcomes', mathOutcome, DAY, { effective: hsinchu, unavailable: ['courseTeacher'] })
        .allowed,
    ).toBe(true);
    expect(
      can(registrar, 'certifyCourseOutcomes', { ...mathOutcome, division: 'continuingEducation' }, DAY, {
        effective: hsinchu,
        unavailable: ['courseTeacher'],
      }).allowed,
    ).toBe(false);
    expect(
      can(ceRegistrar, 'certifyCourseOutcomes', { ...mathOutcome, division: 'continuingEducation' }, DAY, {
        effective: hsinchu,
        unavailable: ['courseTeacher'],
      }).allowed,
    ).toBe(true);
  });
});

describe('a pack may narrow the matrix, never widen it', () => {
  const pack = (permissions: string) => `permissions:\n${permissions}`;

  it('narrow without a scope takes a cell away: PR5103 cites the pack', () => {
    const effective = effectiveFrom(
      pack('  narrow:\n    - { role: systemAdmin, permission: editPortfolio, source: 五 }\n'),
    );
    const decision = can({ id: 'admin', roles: ['systemAdmin'] }, 'editPortfolio', outcome('math-1'), DAY, {
      effective,
    });
    expect(decision.findings[0]).toMatchObject({
      code: 'PR5103',
      source: { document: '馬公補充規定', clause: '五' },
      layer: 'school:magong',
    });
    expect(
      can({ id: 'admin', roles: ['systemAdmin'] }, 'viewPortfolio', outcome('math-1'), DAY, { effective }).allowed,
    ).toBe(true);
  });

  it('narrow with a scope inside the national one', () => {
    const effective = effectiveFrom(
      pack('  narrow:\n    - { role: systemAdmin, permission: viewPortfolio, scope: courseOutcomes }\n'),
    );
    const admin: Actor = { id: 'admin', roles: ['systemAdmin'] };
    expect(can(admin, 'viewPortfolio', outcome('math-1'), DAY, { effective }).allowed).toBe(true);
    expect(codes(can(admin, 'viewPortfolio', { kind: 'cadre' }, DAY, { effective }))).toEqual(['PR5102']);
    expect(checkPermissionRules(effective)).toEqual([]);
  });

  it('PR5104 for a grant beyond the matrix or a scope outside it, with positions; the entry is ignored', () => {
    const text = `id: magong\nname: 馬公\ndocument: 馬公補充規定\n${pack('  grant:\n    - { role: homeroomTeacher, permission: certifyCourseOutcomes }\n  narrow:\n    - { role: homeroomTeacher, permission: viewPortfolio, scope: all }\n')}`;
    const validation = validatePack(text, { file: 'p.yaml' });
    const effective = validation.resolution!.versions[0]!;
    const findings = checkPermissionRules(effective, { positions: validation.loaded.positions });
    expect(
      findings.map((f: FindingBase) => [f.code, f.subject, f.data.scope, f.data.nationalScope, f.position?.line]),
    ).toEqual([
      ['PR5104', 'permissions.narrow.0', 'all', 'ownClass', 8],
      ['PR5104', 'permissions.grant.0', undefined, undefined, 6],
    ]);
    const homeroom: Actor = { id: 't-lin', roles: ['homeroomTeacher'], classes: ['101'] };
    expect(can(homeroom, 'certifyCourseOutcomes', outcome('math-1'), DAY, { effective }).allowed).toBe(false);
    expect(can(homeroom, 'viewPortfolio', outcome('math-1', { class: '102' }), DAY, { effective }).allowed).toBe(false);
  });

  it('grant gives back what a lower layer narrowed', () => {
    const overlay = validatePack(
      'id: region\nkind: overlay\nname: 區域\ndocument: 區域規定\npermissions:\n  narrow:\n    - { role: homeroomTeacher, permission: viewPortfolio }\n',
    );
    const school = validatePack(
      'id: school\nname: 學校\ndocument: 學校規定\nextends: region\npermissions:\n  grant:\n    - { role: homeroomTeacher, permission: viewPortfolio, scope: ownClass }\n',
      {
        overlays: { region: overlay.loaded as never },
      },
    );
    const effective = school.resolution!.versions[0]!;
    expect(effective.values.permissions?.narrow).toHaveLength(1);
    expect(
      can({ id: 't', roles: ['homeroomTeacher'], classes: ['101'] }, 'viewPortfolio', outcome('math-1'), DAY, {
        effective,
      }).allowed,
    ).toBe(true);
    expect(effectiveMatrix(effective).removed).toEqual([]);
  });

  it('a matrix computed once may be passed instead of the pack', () => {
    const matrix = effectiveMatrix(
      effectiveFrom(pack('  narrow:\n    - { role: systemAdmin, permission: editPortfolio, source: 五 }\n')),
    );
    expect(
      codes(can({ id: 'admin', roles: ['systemAdmin'] }, 'editPortfolio', outcome('math-1'), DAY, { matrix })),
    ).toEqual(['PR5103']);
    expect(Object.isFrozen(effectiveMatrix().grants)).toBe(true);
  });

  it('PR5107 for narrowing a cell the role does not hold', () => {
    const findings = checkPermissionRules(
      effectiveFrom(pack('  narrow:\n    - { role: student, permission: submitToCentral }\n')),
    );
    expect(findings.map((f) => f.code)).toEqual(['PR5107']);
  });
});

/** The manual's 第4章 table as printed, row by row (V and V(限…) alike). */
const MANUAL_TABLE: Record<Role, readonly Permission[]> = {
  systemAdmin: [
    'permissionSettings',
    'announcements',
    'editPortfolio',
    'viewPortfolio',
    'manageCertificateItems',
    'submitToCentral',
  ],
  courseOutcomeSubmitter: ['viewPortfolio', 'submitToCentral'],
  diversePerformanceSubmitter: ['editPortfolio', 'viewPortfolio', 'submitToCentral'],
  cadreSubmitter: ['editPortfolio', 'viewPortfolio', 'submitToCentral'],
  diverseItemManager: ['editPortfolio', 'viewPortfolio'],
  certificateItemManager: ['editPortfolio', 'viewPortfolio', 'manageCertificateItems'],
  courseTeacher: ['certifyCourseOutcomes'],
  departmentTeacher: [],
  domainTeacher: [],
  homeroomTeacher: ['viewPortfolio'],
  consultingTeacher: [],
  student: ['editPortfolio', 'viewPortfolio', 'maintainStudentData'],
};

describe('can — properties', () => {
  const roleArb = fc.subarray([...ROLES]);
  const resourceArb = fc.record({
    kind: fc.constantFrom(
      'basicData',
      'cadre',
      'courseRecord',
      'courseOutcome',
      'diversePerformance',
      'studyPlan',
      'certificateItem',
      'settings',
    ),
    studentId: fc.constantFrom('s-1', 's-2'),
    class: fc.constantFrom('101', '102'),
    course: fc.constantFrom('math-1', 'math-2'),
    department: fc.constantFrom('math', 'physics'),
    category: fc.constantFrom('certificate', 'works', 'cadre'),
    entry: fc.constantFrom('student', 'bulkImport', 'schoolEntered'),
  }) as fc.Arbitrary<Resource>;
  const scopeArb = fc.option(fc.constantFrom(...SCOPES), { nil: undefined });
  // Half the entries touch a cell the matrix has, so narrowing and giving back really happen.
  const cellArb = fc.oneof(
    fc.record({ role: fc.constantFrom(...ROLES), permission: fc.constantFrom(...PERMISSIONS), scope: scopeArb }),
    fc
      .record({ cell: fc.constantFrom(...NATIONAL_MATRIX), scope: scopeArb })
      .map(({ cell, scope }) => ({ role: cell.role, permission: cell.permission, scope })),
  );
  const packArb = fc
    .record({ narrow: fc.array(cellArb, { maxLength: 4 }), grant: fc.array(cellArb, { maxLength: 4 }) })
    .map(({ narrow, grant }) => {
      const line = (c: { role: string; permission: string; scope: string | undefined }) =>
        `    - { role: ${c.role}, permission: ${c.permission}${c.scope ? `, scope: ${c.scope}` : ''} }\n`;
      return `${MAGONG_DUTIES}permissions:\n${narrow.length ? `  narrow:\n${narrow.map(line).join('')}` : ''}${grant.length ? `  grant:\n${grant.map(line).join('')}` : ''}${narrow.length + grant.length === 0 ? '  source: 五\n' : ''}`;
    });

  it('no actor gains a permission the national matrix does not give (except certifying as the acting deputy)', () => {
    fc.assert(
      fc.property(
        roleArb,
        fc.constantFrom(...PERMISSIONS),
        resourceArb,
        packArb,
        fc.subarray(['courseTeacher', 'departmentTeacher']),
        (roles, permission: Permission, resource, yaml, unavailable) => {
          const actor: Actor = {
            id: 'a',
            roles,
            studentId: 's-1',
            classes: ['101'],
            courses: ['math-1'],
            departments: ['math'],
            units: ['registration'],
          };
          const effective = effectiveFrom(yaml);
          const decision = can(actor, permission, resource, DAY, { effective, unavailable });
          expect(decision.allowed).toBe(!decision.findings.some((f) => f.severity === 'error'));
          if (!decision.allowed) return;
          const national = NATIONAL_MATRIX.some(
            (cell) =>
              cell.permission === permission && actor.roles.includes(cell.role) && inScope(cell.scope, actor, resource),
          );
          // Independent of the scope logic: some role of the actor holds the permission in the manual's table at all.
          expect(national ? actor.roles.some((role) => MANUAL_TABLE[role as Role].includes(permission)) : true).toBe(
            true,
          );
          const deputy =
            decision.findings.some((f) => f.code === 'PR5106') &&
            permission === 'certifyCourseOutcomes' &&
            unavailable.includes('courseTeacher');
          expect(national || deputy).toBe(true);
        },
      ),
      { seed: 42, numRuns },
    );
  });

  it('narrowing never allows more than the national matrix alone', () => {
    fc.assert(
      fc.property(
        roleArb,
        fc.constantFrom(...PERMISSIONS),
        resourceArb,
        packArb,
        (roles, permission: Permission, resource, yaml) => {
          const actor: Actor = {
            id: 'a',
            roles,
            studentId: 's-1',
            classes: ['101'],
            courses: ['math-1'],
          };
          const withPack = can(actor, permission, resource, DAY, { effective: effectiveFrom(yaml) });
          if (withPack.allowed && !withPack.findings.some((f) => f.code === 'PR5106'))
            expect(can(actor, permission, resource, DAY).allowed).toBe(true);
        },
      ),
      { seed: 42, numRuns },
    );
  });
});
