/**
 * Test fixtures: the seeds' ownership tables as pack YAML, used by the tests of deputies,
 * ownership and permissions. Not part of the public API.
 */
import type { EffectivePack } from '../layering';
import { validatePack } from '../pack';

/** 馬公 九(三) 代理人名單, as written. */
export const MAGONG_DUTIES = `duties:
  platformAdministration: { owner: registration, deputies: [teaching, equipment], source: 九(三) }
  basicData: { owner: registration, deputies: [specialEducation, examinations], source: 九(三) }
  courseRecordSubmission: { owner: registration, deputies: [examinations, teaching], source: 九(三) }
  receiptConfirmation: { owner: registration, deputies: [equipment, specialEducation], source: 九(三) }
  courseOutcomeSubmission: { owner: teaching, deputies: [registration, equipment], source: 九(三) }
  diversePerformanceSubmission: { owner: discipline, deputies: [studentLife, activities], source: 九(三) }
  cadreSubmission: { owner: studentLife, deputies: [activities, discipline], source: 九(三) }
  courseOutcomeCertification: { owner: courseTeacher, deputies: [departmentTeacher, domainTeacher], source: 九(三) }
`;

/**
 * 新竹 六, 七, 十一: the day school's units and 進修部's own (教務組, 學務組); unit heads designate
 * deputies (十一(一)2, 十一(三)1); 註冊組 / 進修部教務組 certify for an unavailable teacher (十一(三)2(1)).
 */
export const HSINCHU_DUTIES = `divisions: [day, continuingEducation]
units:
  ceAcademic: { name: 進修部教務組, office: 進修部, division: continuingEducation }
  ceStudentAffairs: { name: 進修部學務組, office: 進修部, division: continuingEducation }
duties:
  platformAdministration: { owner: registration, deputies: [{ designatedBy: registration }], source: 六 }
  basicData:
    owner: registration
    deputies: [{ designatedBy: registration }]
    source: 六(一)1
    byDivision:
      continuingEducation: { owner: ceAcademic, deputies: [{ designatedBy: ceAcademic }], source: 六(一)1 }
  courseRecordSubmission:
    owner: registration
    deputies: [{ designatedBy: registration }]
    source: 七(二)1
    byDivision:
      continuingEducation: { owner: ceAcademic, deputies: [{ designatedBy: ceAcademic }], source: 七(二)1 }
  receiptConfirmation:
    owner: registration
    deputies: [{ designatedBy: registration }]
    source: 七(三)
    byDivision:
      continuingEducation: { owner: ceAcademic, deputies: [{ designatedBy: ceAcademic }], source: 七(三) }
  courseOutcomeSubmission:
    owner: registration
    deputies: [{ designatedBy: registration }]
    source: 七(二)2
    byDivision:
      continuingEducation: { owner: ceAcademic, deputies: [{ designatedBy: ceAcademic }], source: 七(二)2 }
  diversePerformanceSubmission:
    owner: registration
    deputies: [{ designatedBy: registration }]
    source: 七(二)4
    byDivision:
      continuingEducation: { owner: ceAcademic, deputies: [{ designatedBy: ceAcademic }], source: 七(二)4 }
  cadreSubmission:
    owner: discipline
    deputies: [{ designatedBy: discipline }]
    source: 七(二)3
    byDivision:
      continuingEducation: { owner: ceStudentAffairs, deputies: [{ designatedBy: ceStudentAffairs }], source: 七(二)3 }
  courseOutcomeCertification:
    owner: courseTeacher
    deputies: [registration]
    source: 十一(三)2(1)
    byDivision:
      continuingEducation: { owner: courseTeacher, deputies: [ceAcademic], source: 十一(三)2(1) }
`;

/** Builds the effective pack of a small school pack around a YAML snippet; throws only on a broken fixture. */
export function effectiveFrom(snippet: string, id = 'magong', document = '馬公補充規定'): EffectivePack {
  const validation = validatePack(`id: ${id}\nname: ${id}\ndocument: ${document}\n${snippet}`);
  const effective = validation.resolution?.versions[0];
  if (!effective)
    throw new Error(`fixture does not load: ${JSON.stringify(validation.findings.map((f) => f.message.en))}`);
  return effective;
}
