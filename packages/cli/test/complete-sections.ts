// The sections a pack needs besides its caps to pass the pack audit (auditPack): an owner and a
// deputy for every duty, a working group, trainings. Appended to packs written to test something else.
export const COMPLETE_SECTIONS = `duties:
  platformAdministration: { owner: registration, deputies: [teaching], source: 九(三) }
  basicData: { owner: registration, deputies: [teaching], source: 九(三) }
  courseRecordSubmission: { owner: registration, deputies: [teaching], source: 九(三) }
  receiptConfirmation: { owner: registration, deputies: [equipment], source: 九(三) }
  courseOutcomeSubmission: { owner: teaching, deputies: [registration], source: 九(三) }
  diversePerformanceSubmission: { owner: discipline, deputies: [studentLife], source: 九(三) }
  cadreSubmission: { owner: studentLife, deputies: [discipline], source: 九(三) }
  courseOutcomeCertification: { owner: courseTeacher, deputies: [departmentTeacher], source: 九(三) }
governance:
  workingGroup: { convener: 校長, secretary: 教務主任, source: 二 }
  trainings:
    - { audience: students, kind: training, perAcademicYear: 1, source: 八(一) }
    - { audience: teachers, kind: workshop, perAcademicYear: 1, source: 八(二) }
`;
