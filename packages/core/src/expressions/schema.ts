import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';
import { IdentifierSchema } from '../units/schema';

export const CustomRuleSchema = z
  .strictObject({
    id: IdentifierSchema.describe('規則代號 / rule id, unique in the pack'),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    about: z
      .enum(['student', 'studentTerm'])
      .optional()
      .describe('檢查對象 / what each evaluation is about: a student, or a student in one term'),
    when: z
      .unknown()
      .describe('json-logic 條件；成立時產生檢核結果 / a json-logic condition; a finding is raised when it is true'),
    message: z
      .strictObject({ 'zh-TW': z.string().min(1), en: z.string().min(1) })
      .describe("訊息 / the finding's message in both languages"),
    source: SourceRefSchema.optional(),
  })
  .describe('自訂檢核規則 / a custom rule');
export type CustomRule = z.infer<typeof CustomRuleSchema>;
