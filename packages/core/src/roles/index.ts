/** The roles of the platform manual (seed 002, chapter 4) and the teacher roles of deputy chains (馬公 九(三)). */
export const ROLES = [
  'systemAdmin',
  'courseOutcomeSubmitter',
  'diversePerformanceSubmitter',
  'cadreSubmitter',
  'diverseItemManager',
  'certificateItemManager',
  'courseTeacher',
  'departmentTeacher',
  'domainTeacher',
  'homeroomTeacher',
  'consultingTeacher',
  'student',
] as const;
export type Role = (typeof ROLES)[number];

/** The permissions of the manual's matrix (seed 002, chapter 4). */
export const PERMISSIONS = [
  'permissionSettings',
  'announcements',
  'editPortfolio',
  'viewPortfolio',
  'certifyCourseOutcomes',
  'manageCertificateItems',
  'submitToCentral',
  'maintainStudentData',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
