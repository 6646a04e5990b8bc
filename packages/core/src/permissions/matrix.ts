import type { Source } from '../findings/types';
import type { Permission, Role } from '../roles';
import { SCOPES, type Scope } from './schema';

/** The scopes each scope contains, itself included: a pack may narrow a scope to one of these, never to another. */
export const WITHIN: Readonly<Record<Scope, readonly Scope[]>> = {
  all: SCOPES,
  courseOutcomes: ['courseOutcomes', 'taughtCourses'],
  diversePerformances: ['diversePerformances', 'diverseItems', 'certificates'],
  cadre: ['cadre'],
  diverseItems: ['diverseItems'],
  certificates: ['certificates'],
  taughtCourses: ['taughtCourses'],
  ownClass: ['ownClass'],
  self: ['self'],
  advisees: ['advisees'],
};

/** One cell of the matrix: a role holds a permission within a scope, and the clause that says so. */
export interface Grant {
  /** A national role, or one the pack declares (`roles:`). */
  readonly role: string;
  readonly permission: Permission;
  readonly scope: Scope;
  /** The clause: the manual's for a national cell; a declared cell's own, when its pack names one. */
  readonly source?: Source;
  /** The layer that set it: `national` for the matrix, a pack's layer for a grant back. */
  readonly layer?: string;
}

const MANUAL = '學習歷程平臺操作手冊';
const at = (clause: string): Source => ({ document: MANUAL, clause });
const grant = (role: Role, permission: Permission, scope: Scope, clause: string): Grant => ({
  role,
  permission,
  scope,
  source: at(clause),
});

/**
 * The roles × permissions matrix of the platform manual (seed 002, 第4章 角色功能), the national ceiling:
 * a pack may take permissions away or narrow their scope, never add one. Submitters submit only their
 * own category (4-2, 4-3, 4-4); a course teacher certifies only the courses they teach (4-7); a
 * homeroom teacher sees only their class (4-8); a student edits and sees only their own records (4-10).
 * The deputy roles (科內教師, 領域教師) and the consulting teacher hold nothing here: deputies certify
 * through the deputy chain (馬公 九(三)), consultation records are outside the matrix (4-9).
 */
export const NATIONAL_MATRIX: readonly Grant[] = [
  grant('systemAdmin', 'permissionSettings', 'all', '第4章、4-1'),
  grant('systemAdmin', 'announcements', 'all', '第4章、4-1'),
  grant('systemAdmin', 'editPortfolio', 'all', '第4章、4-1'),
  grant('systemAdmin', 'viewPortfolio', 'all', '第4章、4-1'),
  grant('systemAdmin', 'manageCertificateItems', 'all', '第4章、4-1'),
  grant('systemAdmin', 'submitToCentral', 'all', '第4章、4-1'),
  grant('courseOutcomeSubmitter', 'viewPortfolio', 'courseOutcomes', '第4章、4-2'),
  grant('courseOutcomeSubmitter', 'submitToCentral', 'courseOutcomes', '第4章、4-2'),
  grant('diversePerformanceSubmitter', 'editPortfolio', 'diversePerformances', '第4章、4-3'),
  grant('diversePerformanceSubmitter', 'viewPortfolio', 'diversePerformances', '第4章、4-3'),
  grant('diversePerformanceSubmitter', 'submitToCentral', 'diversePerformances', '第4章、4-3'),
  grant('cadreSubmitter', 'editPortfolio', 'cadre', '第4章、4-4'),
  grant('cadreSubmitter', 'viewPortfolio', 'cadre', '第4章、4-4'),
  grant('cadreSubmitter', 'submitToCentral', 'cadre', '第4章、4-4'),
  grant('diverseItemManager', 'editPortfolio', 'diverseItems', '第4章、4-5'),
  grant('diverseItemManager', 'viewPortfolio', 'diverseItems', '第4章、4-5'),
  grant('certificateItemManager', 'editPortfolio', 'certificates', '第4章、4-6'),
  grant('certificateItemManager', 'viewPortfolio', 'certificates', '第4章、4-6'),
  grant('certificateItemManager', 'manageCertificateItems', 'all', '第4章、4-6'),
  grant('courseTeacher', 'certifyCourseOutcomes', 'taughtCourses', '第4章、4-7'),
  grant('homeroomTeacher', 'viewPortfolio', 'ownClass', '第4章、4-8'),
  grant('student', 'editPortfolio', 'self', '第4章、4-10'),
  grant('student', 'viewPortfolio', 'self', '第4章、4-10'),
  grant('student', 'maintainStudentData', 'self', '第4章、4-10'),
];

export function nationalGrant(role: Role, permission: Permission): Grant | undefined {
  return NATIONAL_MATRIX.find((cell) => cell.role === role && cell.permission === permission);
}
