/**
 * Test fixture: a minimal Magong-like pack (馬公補充規定, amended 2022-06-15) written inline, so
 * the engine's tests do not depend on schools/magong, which is maintained on its own. Not part of the public API.
 */
import type { EffectivePack, Resolution } from '../layering';
import { effectiveFor } from '../layering';
import { validatePack } from '../pack';
import type { CourseOutcome, DiversePerformance } from '../records/items';
import type { Actor } from '../roles/actor';
import { parseTerm } from '../term';

export { deepFreeze } from '../../test/deep-freeze';

export const MAGONG_YAML = `id: magong
name: 國立馬公高級中學建置學生學習歷程檔案作業補充規定
school: 國立馬公高級中學
document: 馬公補充規定
caps:
  courseOutcome:
    upload: { max: 6, per: semester, source: 五(三)1 }
    select: { max: 6, per: academicYear, source: 六(一) }
  diversePerformance:
    upload: { max: 15, per: academicYear, source: 五(四) }
    select: { max: 10, per: academicYear, source: 六(一) }
duties:
  receiptConfirmation: { owner: registration, deputies: [equipment, specialEducation], source: 九(三) }
  courseRecordSubmission: { owner: registration, deputies: [examinations, teaching], source: 九(三) }
  courseOutcomeSubmission: { owner: teaching, deputies: [registration, equipment], source: 九(三) }
  diversePerformanceSubmission: { owner: discipline, deputies: [studentLife, activities], source: 九(三) }
  cadreSubmission: { owner: studentLife, deputies: [activities, discipline], source: 九(三) }
  courseOutcomeCertification: { owner: courseTeacher, deputies: [departmentTeacher, domainTeacher], source: 九(三) }
receipts:
  leaverNotice: [paper, email]
  source: 九(二)3
`;

/**
 * A fixture pack's resolution for an engine across national versions. The fixtures apply to every
 * term, so before 11101 their 6-a-year selection loosens the national 3 a semester (PR2002, an
 * error), and createEngine refuses such a pack. These tests build on its layers anyway, that error
 * set aside, to see the national bound still win in the older terms.
 */
export function acrossVersions(text: string = MAGONG_YAML): Resolution {
  const { resolution } = validatePack(text);
  if (!resolution) throw new Error('fixture pack does not resolve');
  return { ...resolution, findings: resolution.findings.filter((finding) => finding.code !== 'PR2002') };
}

/** The effective pack for a pack text and a term (default 11201, the current national version). */
export function effectiveOf(text: string, term = '11201'): EffectivePack {
  const { resolution } = validatePack(text);
  const effective = resolution && effectiveFor(resolution, parseTerm(term) ?? { year: 112, semester: 1 });
  if (!effective) throw new Error('fixture pack does not resolve');
  return effective;
}

export const magong = (term?: string): EffectivePack => effectiveOf(MAGONG_YAML, term);

export const STUDENT: Actor = { id: 's1', roles: ['student'], studentId: 's1' };
export const TEACHER: Actor = {
  id: 't-chen',
  roles: ['courseTeacher'],
  courses: ['physics'],
  departments: ['science'],
  domains: ['nature'],
};
export const COLLEAGUE: Actor = {
  id: 't-lin',
  roles: ['courseTeacher', 'departmentTeacher'],
  departments: ['science'],
  domains: ['nature'],
};
export const DOMAIN_TEACHER: Actor = {
  id: 't-wu',
  roles: ['courseTeacher', 'domainTeacher'],
  departments: ['biology'],
  domains: ['nature'],
};
export const ADMIN: Actor = { id: 'a-lee', roles: ['systemAdmin'], units: ['registration'] };
export const TEACHING: Actor = { id: 'u-teaching', roles: ['courseOutcomeSubmitter'], units: ['teaching'] };
export const REGISTRATION: Actor = { id: 'u-registration', roles: ['systemAdmin'], units: ['registration'] };

let counter = 0;
export function outcome(overrides: Partial<CourseOutcome> = {}): CourseOutcome {
  counter += 1;
  return {
    id: `co-${counter}`,
    kind: 'courseOutcome',
    studentId: 's1',
    entry: 'student',
    selected: false,
    term: '11201',
    course: 'physics',
    department: 'science',
    domain: 'nature',
    certifier: 't-chen',
    state: 'draft',
    summary: '單擺實驗報告',
    files: [{ name: 'report.pdf', type: 'pdf', megabytes: 1.2 }],
    ...overrides,
  };
}

export function performance(overrides: Partial<DiversePerformance> = {}): DiversePerformance {
  counter += 1;
  return {
    id: `dp-${counter}`,
    kind: 'diversePerformance',
    studentId: 's1',
    entry: 'student',
    selected: false,
    academicYear: 112,
    category: 'competition',
    summary: '科展',
    ...overrides,
  };
}
