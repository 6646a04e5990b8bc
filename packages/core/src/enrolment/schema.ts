import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';

/** Enrolment changes (學籍異動), handled by national principles the seeds do not spell out (uncertain; docs/reference/enrolment.md). */
export const ENROLMENT_CHANGES = [
  'repeat',
  'resume',
  'transferIn',
  'transferOut',
  'borrowedStudy',
  'suspension',
] as const;
export const EnrolmentChangeSchema = z.enum(ENROLMENT_CHANGES);
export type EnrolmentChange = z.infer<typeof EnrolmentChangeSchema>;

export const EnrolmentRuleSchema = z.strictObject({
  capsCount: z
    .enum(['perStudentTerm', 'perSchool'])
    .optional()
    .describe('件數計算 / caps count per student-term or per school'),
  submittingSchool: z
    .enum(['origin', 'destination', 'enrolled'])
    .optional()
    .describe('提交學校 / which school submits'),
  pendingCertifications: z
    .enum(['keep', 'void', 'deputy'])
    .optional()
    .describe('未認證項目 / what happens to uncertified items'),
  source: SourceRefSchema.optional(),
});
export type EnrolmentRule = z.infer<typeof EnrolmentRuleSchema>;

export const EnrolmentSchema = z
  .partialRecord(EnrolmentChangeSchema, EnrolmentRuleSchema)
  .describe('學籍異動 / enrolment changes');
export type Enrolment = z.infer<typeof EnrolmentSchema>;
