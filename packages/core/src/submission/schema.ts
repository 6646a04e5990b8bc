import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';

/**
 * Whether submitting a category's roster locks the student side (學生端鎖定): `always` 即鎖定 (seed 002,
 * 4-2 4: 「提交後學生端即鎖定」), `optional` 可鎖定, the submitter chooses (4-3 3: 「提交後可將學生端鎖定」),
 * `never` 不鎖定.
 */
export const LOCK_POLICIES = ['always', 'optional', 'never'] as const;
export type LockPolicy = (typeof LOCK_POLICIES)[number];

const LockSchema = z
  .strictObject({
    locks: z
      .enum(LOCK_POLICIES)
      .describe(
        '提交後學生端鎖定 / after submission the student side is locked: always, optional (the submitter chooses), never',
      ),
    source: SourceRefSchema.optional(),
  })
  .describe('提交後學生端鎖定 / whether submitting the roster locks the student side');

export const SubmissionLockSchema = z
  .strictObject({
    courseOutcome: LockSchema.optional().describe('課程學習成果名冊 / the course-outcome roster'),
    diversePerformance: LockSchema.optional().describe('多元表現名冊 / the diverse-performance roster'),
  })
  .describe('提交後學生端鎖定 / per category, whether submitting its roster locks the student side');
export type SubmissionLock = z.infer<typeof SubmissionLockSchema>;
