import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';

export const RetentionSchema = z
  .strictObject({
    sealYears: z.int().positive().optional().describe("畢業後封存年限 / years graduates' records stay sealed"),
    afterSeal: z
      .enum(['mayDelete', 'mustDelete', 'keep'])
      .optional()
      .describe('封存期滿後 / after the seal: mayDelete 得刪除, mustDelete 應刪除, keep 保留'),
    backupBy: z.string().optional().describe('備份及典藏單位 / the unit that backs up and archives'),
    source: SourceRefSchema.optional(),
  })
  .describe('保存及封存 / retention');
export type Retention = z.infer<typeof RetentionSchema>;
