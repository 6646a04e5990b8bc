import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveFrom, MAGONG_DUTIES } from '../duties/seed-tables.fixture';
import type { FindingBase } from '../findings/types';
import { auditPack } from '../pack';
import { PERMISSIONS, RESERVED_PERMISSIONS, ROLES, type Permission } from '../roles';
import type { Actor } from '../roles/actor';
import { can, effectiveMatrix, type Resource, type Scope, SCOPES } from './index';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);
const DAY = '2024-01-10';
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

// A platform's roles the national matrix lacks (issue: 導師統計、課程諮詢教師查閱、資料查詢、學習歷程交換、名冊提交).
const PLATFORM = `${MAGONG_DUTIES}roles:
  homeroomStatistics:
    name: 導師 (班級統計)
    en: homeroom teacher (class statistics)
    permissions:
      - { permission: viewStatistics, scope: ownClass }
      - { permission: exportStatistics, scope: ownClass }
    source: 四(一)
  adviser:
    name: 課程諮詢教師 (查閱諮詢學生)
    permissions:
      - { permission: viewPortfolio, scope: advisees, source: 四(二) }
  dataQuery:
    name: 資料查詢人員
    en: data-query staff
    permissions: [{ permission: viewPortfolio, scope: all, source: 四(三) }]
  exchange:
    name: 學習歷程交換人員
    en: portfolio-exchange staff
    permissions: [{ permission: exportPortfolio, scope: all, source: 四(四) }]
  cadreRoster:
    name: 幹部名冊提交人員
    en: cadre roster submitter
    permissions: [{ permission: submitToCentral, scope: cadre, source: 四(五) }]
`;

const record = (extra: Partial<Resource> = {}): Resource => ({
  kind: 'courseOutcome',
  id: 'co-1',
  studentId: 's-1',
  class: '101',
  course: 'math-1',
  ...extra,
});

describe('roles a pack declares', () => {
  const effective = effectiveFrom(PLATFORM);

  it('adds their cells to the matrix, with the clause and layer that declared them, and no finding', () => {
    const matrix = effectiveMatrix(effective);
    expect(matrix.findings).toEqual([]);
    expect(matrix.grants.filter((cell) => cell.role === 'adviser')).toEqual([
      {
        role: 'adviser',
        permission: 'viewPortfolio',
        scope: 'advisees',
        source: { document: '馬公補充規定', clause: '四(二)' },
        layer: 'school:magong',
      },
    ]);
    expect(matrix.grants.find((cell) => cell.role === 'homeroomStatistics')?.source).toEqual({
      document: '馬公補充規定',
      clause: '四(一)',
    });
  });

  it('lets an actor act within the declared scope only, naming the role in words when refused', () => {
    const adviser: Actor = { id: 't-lin', roles: ['adviser'], advisees: ['s-1'] };
    expect(can(adviser, 'viewPortfolio', record(), DAY, { effective }).allowed).toBe(true);
    const other = can(adviser, 'viewPortfolio', record({ studentId: 's-2' }), DAY, { effective });
    expect(other.allowed).toBe(false);
    expect(other.findings[0]).toMatchObject({ code: 'PR5102', source: { clause: '四(二)' }, layer: 'school:magong' });
    expect(other.findings[0]!.message['zh-TW']).toContain(
      '以「課程諮詢教師 (查閱諮詢學生)」身分只能在「諮詢學生」範圍內',
    );
    expect(other.findings[0]!.message.en).toContain('課程諮詢教師 (查閱諮詢學生) (adviser)');
    // Reading is not editing.
    expect(codes(can(adviser, 'editPortfolio', record(), DAY, { effective }).findings)).toEqual(['PR5101']);

    const homeroom: Actor = { id: 't-wang', roles: ['homeroomTeacher', 'homeroomStatistics'], classes: ['101'] };
    expect(can(homeroom, 'exportStatistics', record({ kind: 'basicData' }), DAY, { effective }).allowed).toBe(true);
    const elsewhere = can(homeroom, 'exportStatistics', record({ class: '102' }), DAY, { effective });
    expect(elsewhere.findings[0]!.message.en).toContain('as homeroom teacher (class statistics)');

    const roster: Actor = { id: 'u-1', roles: ['cadreRoster'] };
    expect(can(roster, 'submitToCentral', record({ kind: 'cadre' }), DAY, { effective }).allowed).toBe(true);
    expect(can(roster, 'submitToCentral', record(), DAY, { effective }).allowed).toBe(false);
    // Without the pack, nobody holds a declared role's permission.
    expect(codes(can(roster, 'submitToCentral', record({ kind: 'cadre' }), DAY).findings)).toEqual(['PR5101']);
  });

  it('refuses certification and permission settings to a declared role (PR5109), citing who holds them', () => {
    const text = PLATFORM.replace(
      'permissions: [{ permission: viewPortfolio, scope: all, source: 四(三) }]',
      'permissions:\n      - { permission: viewPortfolio, scope: all, source: 四(三) }\n      - { permission: certifyCourseOutcomes, scope: all }\n      - { permission: permissionSettings, scope: all }',
    );
    const matrix = effectiveMatrix(effectiveFrom(text));
    expect(matrix.findings.map((f) => [f.code, f.subject, f.source?.clause])).toEqual([
      ['PR5109', 'roles.dataQuery.permissions.1', '第4章、4-7'],
      ['PR5109', 'roles.dataQuery.permissions.2', '第4章、4-1'],
    ]);
    expect(matrix.findings[0]!.message['zh-TW']).toContain('「資料查詢人員」不得持有「認證課程學習成果」');
    expect(matrix.grants.some((cell) => cell.role === 'dataQuery' && cell.permission === 'certifyCourseOutcomes')).toBe(
      false,
    );
    const clerk: Actor = { id: 'u-2', roles: ['dataQuery'], courses: ['math-1'] };
    expect(can(clerk, 'certifyCourseOutcomes', record(), DAY, { effective: effectiveFrom(text) }).allowed).toBe(false);
  });

  it('does not let a pack declare a national role again (PR5110): homeroomTeacher keeps its national cells', () => {
    const text = `${PLATFORM}  homeroomTeacher:\n    name: 導師\n    permissions: [{ permission: editPortfolio, scope: ownClass }]\n`;
    const matrix = effectiveMatrix(effectiveFrom(text));
    expect(codes(matrix.findings)).toEqual(['PR5110']);
    expect(matrix.findings[0]).toMatchObject({ subject: 'roles.homeroomTeacher', severity: 'error' });
    expect(matrix.grants.filter((cell) => cell.role === 'homeroomTeacher').map((cell) => cell.permission)).toEqual([
      'viewPortfolio',
    ]);
  });

  it('narrows a declared role and gives it back only up to its declaration (PR5104); an unknown role is PR5108', () => {
    const text = `${PLATFORM}permissions:
  narrow:
    - { role: dataQuery, permission: viewPortfolio, scope: courseOutcomes, source: 四(六) }
  grant:
    - { role: adviser, permission: editPortfolio, scope: advisees }
    - { role: advisor, permission: viewPortfolio }
`;
    const matrix = effectiveMatrix(effectiveFrom(text));
    expect(matrix.grants.find((cell) => cell.role === 'dataQuery')?.scope).toBe('courseOutcomes');
    expect(matrix.findings.map((f) => [f.code, f.subject])).toEqual([
      ['PR5104', 'permissions.grant.0'],
      ['PR5108', 'permissions.grant.1'],
    ]);
    expect(matrix.findings[0]!.message['zh-TW']).toContain('宣告時未給「編輯學習歷程」權限');
    expect(matrix.findings[1]!.message.en).toContain('did you mean `adviser`?');
  });

  it('does not let a declared role into the certification chain (PR5111), nor act in it', () => {
    const text = PLATFORM.replace(
      'courseOutcomeCertification: { owner: courseTeacher, deputies: [departmentTeacher, domainTeacher], source: 九(三) }',
      'courseOutcomeCertification: { owner: courseTeacher, deputies: [dataQuery, domainTeacher], source: 九(三) }',
    );
    const chained = effectiveFrom(text);
    expect(effectiveMatrix(chained).findings.map((f) => [f.code, f.subject])).toEqual([
      ['PR5111', 'duties.courseOutcomeCertification.deputies.0'],
    ]);
    const clerk: Actor = { id: 'u-2', roles: ['dataQuery'] };
    const decision = can(clerk, 'certifyCourseOutcomes', record(), DAY, {
      effective: chained,
      unavailable: ['courseTeacher'],
    });
    expect(decision.allowed).toBe(false);
  });

  it('is reported by the pack audit with positions, and declared roles may own other duties', () => {
    const text = `id: demo\nname: 示範\ndocument: 示範補充規定\n${PLATFORM.replace(
      'cadreSubmission: { owner: studentLife,',
      'cadreSubmission: { owner: cadreRoster,',
    )}  homeroomTeacher:\n    name: 導師\n    permissions: [{ permission: viewPortfolio, scope: all }]\n`;
    const findings = auditPack(text, { file: 'demo.yaml' }).findings as readonly FindingBase[];
    // No PR5012 for the declared role that owns cadre submission; the pack's silence on governance is reported as for any pack.
    expect(findings.map((f) => [f.code, f.subject, f.position?.line])).toEqual([
      ['PR5110', 'roles.homeroomTeacher', 38],
      ['PR7510', 'governance.workingGroup', undefined],
      ['PR7515', 'governance.trainings', undefined],
    ]);
  });

  it('is in the JSON Schema: roles with names, permissions and required scopes', async () => {
    const { packJsonSchema } = await import('../pack/json-schema');
    const schema = packJsonSchema({ units: [], roles: ['adviser'] }) as {
      properties: { roles: { additionalProperties: { required: string[] } } };
    };
    expect(schema.properties.roles.additionalProperties.required).toEqual(['name', 'permissions']);
    expect(JSON.stringify(schema)).toContain('"adviser"');
  });
});

/**
 * What each scope lets through, written out independently of `inScope`: the oracle the property
 * checks the engine against.
 */
function withinScope(scope: Scope, actor: Actor, resource: Resource): boolean {
  const has = (list: readonly string[] | undefined, value: string | undefined) =>
    value !== undefined && (list ?? []).includes(value);
  const byScope: Record<Scope, () => boolean> = {
    all: () => true,
    courseOutcomes: () => resource.kind === 'courseOutcome',
    diversePerformances: () => resource.kind === 'diversePerformance',
    cadre: () => resource.kind === 'cadre',
    diverseItems: () => resource.kind === 'diversePerformance' && resource.entry === 'bulkImport',
    certificates: () =>
      resource.kind === 'certificateItem' ||
      (resource.kind === 'diversePerformance' && resource.category === 'certificate'),
    taughtCourses: () => resource.kind === 'courseOutcome' && has(actor.courses, resource.course),
    ownClass: () => has(actor.classes, resource.class),
    self: () => resource.studentId !== undefined && resource.studentId === actor.studentId,
    advisees: () => has(actor.advisees, resource.studentId),
  };
  return byScope[scope]();
}

describe('roles a pack declares — properties', () => {
  const ids = ['roleA', 'roleB', 'roleC'] as const;
  const entryArb = fc.record({
    permission: fc.constantFrom(...PERMISSIONS),
    scope: fc.constantFrom(...SCOPES),
  });
  const declarationArb = fc.record({
    roles: fc.dictionary(
      fc.constantFrom(...ids, 'homeroomTeacher'),
      fc.array(entryArb, { minLength: 1, maxLength: 4 }),
      {
        minKeys: 1,
      },
    ),
    // Sometimes the pack even puts a declared role in the certification chain (PR5111).
    chain: fc.constantFrom('departmentTeacher', ...ids),
    grant: fc.array(fc.record({ role: fc.constantFrom(...ids), permission: fc.constantFrom(...PERMISSIONS) }), {
      maxLength: 3,
    }),
  });
  interface Declaration {
    readonly roles: Record<string, readonly { permission: string; scope: Scope }[]>;
    readonly chain: string;
    readonly grant: readonly { role: string; permission: string }[];
  }
  const yamlOf = ({ roles, chain, grant }: Declaration) => {
    const duties = MAGONG_DUTIES.replace(
      'deputies: [departmentTeacher, domainTeacher]',
      `deputies: [${chain}, domainTeacher]`,
    );
    const declared = Object.entries(roles)
      .map(
        ([id, entries]) =>
          `  ${id}:\n    name: 角色${id}\n    permissions:\n${entries.map((e) => `      - { permission: ${e.permission}, scope: ${e.scope} }\n`).join('')}`,
      )
      .join('');
    const grants = grant.map((g) => `    - { role: ${g.role}, permission: ${g.permission} }\n`).join('');
    return `${duties}roles:\n${declared}${grants ? `permissions:\n  grant:\n${grants}` : ''}`;
  };
  const actorArb = fc.record({
    declared: fc.subarray([...ids], { minLength: 1 }),
    national: fc.subarray(ROLES.filter((role) => role !== 'courseTeacher')),
    courses: fc.subarray(['math-1', 'math-2']),
    classes: fc.subarray(['101', '102']),
    advisees: fc.subarray(['s-1', 's-2']),
    departments: fc.subarray(['math', 'physics']),
  });
  const resourceArb = fc.record({
    kind: fc.constantFrom('courseOutcome', 'diversePerformance', 'cadre', 'basicData', 'certificateItem'),
    studentId: fc.constantFrom('s-1', 's-2'),
    class: fc.constantFrom('101', '102'),
    course: fc.constantFrom('math-1', 'math-2'),
    department: fc.constantFrom('math', 'physics'),
    domain: fc.constant('science'),
    category: fc.constantFrom('certificate', 'works'),
    entry: fc.constantFrom('student', 'bulkImport'),
  }) as fc.Arbitrary<Resource>;

  it('no declared role ever obtains certification of a course (nor permission settings), whatever the pack declares', () => {
    fc.assert(
      fc.property(
        declarationArb,
        actorArb,
        resourceArb.map((resource) => ({ ...resource, kind: 'courseOutcome' as const })),
        fc.constantFrom(...RESERVED_PERMISSIONS),
        fc.subarray(['courseTeacher', 'departmentTeacher']),
        (declaration, who, resource, permission: Permission, unavailable) => {
          const effective = effectiveFrom(yamlOf(declaration));
          const base: Actor = { id: 'a', ...who, roles: who.national };
          const withDeclared: Actor = { ...base, roles: [...who.national, ...who.declared] };
          // Adding declared roles changes nothing: a course one does not teach stays refused.
          expect(can(withDeclared, permission, resource, DAY, { effective, unavailable }).allowed).toBe(
            can(base, permission, resource, DAY, { effective, unavailable }).allowed,
          );
        },
      ),
      { numRuns },
    );
  });

  it('no declared role reads or does anything outside the scopes it declares', () => {
    const granted = PERMISSIONS.filter(
      (permission) => !(RESERVED_PERMISSIONS as readonly string[]).includes(permission),
    );
    fc.assert(
      fc.property(
        declarationArb,
        actorArb,
        resourceArb,
        fc.constantFrom(...granted),
        (declaration, who, resource, permission: Permission) => {
          const effective = effectiveFrom(yamlOf(declaration));
          const base: Actor = { id: 'a', ...who, roles: who.national };
          const withDeclared: Actor = { ...base, roles: [...who.national, ...who.declared] };
          if (!can(withDeclared, permission, resource, DAY, { effective }).allowed) return;
          if (can(base, permission, resource, DAY, { effective }).allowed) return;
          // What the declared roles added lies within a scope some held declared role names for this permission.
          const declaredScopes = who.declared.flatMap((id) =>
            (declaration.roles[id] ?? [])
              .filter((entry) => entry.permission === permission)
              .map((entry) => entry.scope),
          );
          expect(declaredScopes.some((scope) => withinScope(scope, withDeclared, resource))).toBe(true);
        },
      ),
      { numRuns },
    );
  });
});
