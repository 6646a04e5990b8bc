import * as z from 'zod';
import { EntrySourceSchema, FileTypeSchema } from '../records/schema';
import { SourceRefSchema } from '../sources/schema';

export const PERIODS = ['semester', 'academicYear'] as const;
export const PeriodSchema = z.enum(PERIODS).describe('計算期間 / counted per: semester 每學期, academicYear 每學年');
export type Period = z.infer<typeof PeriodSchema>;

export const CapSchema = z
  .strictObject({
    max: z.int().min(0).optional().describe('上限件數 / at most this many'),
    min: z.int().min(0).optional().describe('下限件數 / at least this many'),
    per: PeriodSchema.optional(),
    exempt: z
      .array(EntrySourceSchema)
      .optional()
      .describe('不計入上限之登錄來源 / entry sources that do not count, e.g. schoolEntered'),
    countsRejected: z
      .boolean()
      .optional()
      .describe('認證失敗者是否仍計入上傳件數 / whether a rejected item still counts as uploaded'),
    source: SourceRefSchema.optional(),
  })
  .describe('件數上限 / a cap on a count');
export type Cap = z.infer<typeof CapSchema>;

export const KindCapsSchema = z.strictObject({
  upload: CapSchema.optional().describe('上傳 / upload'),
  select: CapSchema.optional().describe('勾選提交至中央資料庫 / selection (勾選) for the central database'),
});
export type KindCaps = z.infer<typeof KindCapsSchema>;

export const CapsSchema = z
  .strictObject({
    courseOutcome: KindCapsSchema.optional().describe('課程學習成果 / course learning outcomes'),
    diversePerformance: KindCapsSchema.optional().describe('多元表現 / diverse performances'),
  })
  .describe('件數規定 / caps');
export type Caps = z.infer<typeof CapsSchema>;

export const FileRuleSchema = z.strictObject({
  types: z.array(FileTypeSchema).min(1).optional().describe('允許之檔案類型 / allowed file types'),
  maxMegabytes: z.number().positive().optional().describe('單檔大小上限 (MB) / largest file, in MB'),
  source: SourceRefSchema.optional(),
});

export const FilesSchema = z
  .strictObject({
    document: FileRuleSchema.optional().describe('文件檔 / documents'),
    media: FileRuleSchema.optional().describe('影音檔 / audio and video'),
    summaryMaxChars: z.int().positive().optional().describe('簡述字數上限 / summary length'),
    source: SourceRefSchema.optional(),
  })
  .describe('檔案規格 / file constraints');
export type Files = z.infer<typeof FilesSchema>;
