/** Test fixture: a small school pack and helpers to audit NDJSON lines written in a test. Not part of the public API. */
import type { SchoolCalendar } from '../calendar/schema';
import { parseRecord } from '../dataset/parse';
import type { Finding } from '../catalogue';
import type { Resolution } from '../layering';
import { validatePack } from '../pack';
import { createAudit, type AuditOptions } from './index';
import type { AuditResult } from './types';

export const PACK_YAML = `id: test-school
name: 測試高中補充規定
document: 測試補充規定
appliesFrom: 11101
caps:
  courseOutcome:
    upload: { max: 2, per: semester, source: 五(三)1 }
    select: { max: 2, per: academicYear, source: 六(一) }
  diversePerformance:
    upload: { max: 3, per: academicYear, source: 五(四) }
    select: { max: 2, per: academicYear, source: 六(一) }
duties:
  basicData: { owner: registration, deputies: [specialEducation], source: 九(三) }
  courseOutcomeSubmission: { owner: teaching, deputies: [registration], source: 九(三) }
  cadreSubmission: { owner: studentLife, deputies: [activities], source: 九(三) }
  courseOutcomeCertification: { owner: courseTeacher, deputies: [departmentTeacher], source: 九(三) }
receipts: { confirmationDays: 3, source: 六(三) }
retention: { sealYears: 5, source: 八 }
governance:
  meetings: { perSemester: 1, source: 三 }
windows:
  - { activity: courseOutcomeCertification, closes: { anchor: closingCeremony, weeks: 2 }, source: 五(三)2 }
rules:
  - id: backlog
    about: studentTerm
    when: { '>': [{ var: courseOutcome.submitted }, 1] }
    message: { zh-TW: 待認證超過 1 件, en: more than one item awaits certification }
    source: 五(三)2
`;

export const RESOLUTION: Resolution = (() => {
  const { resolution, findings } = validatePack(PACK_YAML, { file: 'pack.yaml' });
  if (!resolution) throw new Error(`fixture pack does not load: ${JSON.stringify(findings)}`);
  return resolution;
})();

/** 112學年度: closing ceremonies 2024-01-19 and 2024-06-28, so certification closes 2024-02-02 and 2024-07-12. */
export const CALENDAR_112: SchoolCalendar = {
  academicYear: 112,
  terms: [
    { semester: 1, anchors: { closingCeremony: '2024-01-19' } },
    { semester: 2, anchors: { closingCeremony: '2024-06-28' } },
  ],
};

/** Audits NDJSON lines (objects are stringified), each placed at its line number. */
export function auditLines(
  lines: readonly (object | string)[],
  options: Partial<AuditOptions> = {},
  resolution: Resolution = RESOLUTION,
): AuditResult {
  const audit = createAudit(resolution, { asOf: '2024-09-01', ...options });
  lines.forEach((line, index) => {
    const result = parseRecord(typeof line === 'string' ? line : JSON.stringify(line), index + 1);
    if (!result.ok) throw new Error(`line ${index + 1}: ${result.finding.message.en}`);
    audit.add(result.record, { line: index + 1, column: 1, record: index + 1 });
  });
  return audit.finish();
}

export const codesOf = (result: AuditResult, code?: string): Finding[] =>
  result.findings.filter((finding) => code === undefined || finding.code === code);

export const student = (id: string, extra: object = {}) => ({ type: 'student', id, grade: 2, class: '201', ...extra });
export const outcome = (id: string, extra: object = {}) => ({
  type: 'courseOutcome',
  id,
  studentId: 's1',
  term: '11201',
  course: 'physics',
  certifier: 't1',
  state: 'certified',
  certifiedOn: '2024-01-10',
  ...extra,
});
export const performance = (id: string, extra: object = {}) => ({
  type: 'diversePerformance',
  id,
  studentId: 's1',
  academicYear: 112,
  category: 'competition',
  ...extra,
});
