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

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  systemAdmin: '系統管理者',
  courseOutcomeSubmitter: '課程學習成果提交人員',
  diversePerformanceSubmitter: '多元表現提交人員',
  cadreSubmitter: '幹部經歷提交人員',
  diverseItemManager: '多元表現項目管理者',
  certificateItemManager: '證照項目管理者',
  courseTeacher: '任課教師',
  departmentTeacher: '科內教師',
  domainTeacher: '領域教師',
  homeroomTeacher: '導師',
  consultingTeacher: '課程諮詢教師',
  student: '學生',
};

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
