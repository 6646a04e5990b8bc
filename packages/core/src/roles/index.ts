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

/**
 * The permissions of the manual's matrix (seed 002, chapter 4), then those a platform runs that the
 * matrix has no column for (statistics of a class or of the school, exporting portfolios for an
 * exchange): no national role holds them; a pack gives them only to the roles it declares (`roles:`).
 */
export const PERMISSIONS = [
  'permissionSettings',
  'announcements',
  'editPortfolio',
  'viewPortfolio',
  'certifyCourseOutcomes',
  'manageCertificateItems',
  'submitToCentral',
  'maintainStudentData',
  'viewStatistics',
  'exportStatistics',
  'exportPortfolio',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions no role a pack declares may hold: certification is the course teacher's or their deputy's (manual 4-7, FAQ 一(八)); permission settings are the system administrator's (manual 4-1). */
export const RESERVED_PERMISSIONS = [
  'certifyCourseOutcomes',
  'permissionSettings',
] as const satisfies readonly Permission[];
