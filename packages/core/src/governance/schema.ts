import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';

export const AUDIENCES = ['students', 'teachers', 'parents', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const TRAINING_KINDS = ['training', 'briefing', 'workshop'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const GovernanceSchema = z
  .strictObject({
    workingGroup: z
      .strictObject({
        size: z.int().positive().optional().describe('成員人數 / members'),
        convener: z.string().optional().describe('召集人 / convener, e.g. 校長'),
        secretary: z.string().optional().describe('執行秘書 / executive secretary, e.g. 教務主任'),
        members: z.array(z.string()).optional().describe('成員 / members as the rules list them'),
        source: SourceRefSchema.optional(),
      })
      .optional()
      .describe('工作小組 / working group'),
    meetings: z
      .strictObject({
        perSemester: z.int().min(0).optional().describe('每學期至少開會次數 / meetings per semester, at least'),
        source: SourceRefSchema.optional(),
      })
      .optional(),
    trainings: z
      .array(
        z.strictObject({
          audience: z.enum(AUDIENCES),
          kind: z.enum(TRAINING_KINDS).optional(),
          perAcademicYear: z.int().min(0).describe('每學年至少次數 / at least this many per academic year'),
          by: z.string().optional().describe('辦理單位 / run by'),
          source: SourceRefSchema.optional(),
        }),
      )
      .optional()
      .describe('研習及說明會 / trainings and briefings'),
  })
  .describe('組織及運作 / governance');
export type Governance = z.infer<typeof GovernanceSchema>;
