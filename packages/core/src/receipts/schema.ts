import * as z from 'zod';
import { SourceRefSchema } from '../sources/schema';

const NOTICE_CHANNELS = ['paper', 'email'] as const;

export const ReceiptsSchema = z
  .strictObject({
    confirmationDays: z
      .int()
      .positive()
      .optional()
      .describe('收訖明細確認至少日數 / the confirmation period lasts at least this many days'),
    leaverNotice: z
      .array(z.enum(NOTICE_CHANNELS))
      .min(1)
      .optional()
      .describe('已離校學生之通知方式 / how students who left are notified: paper, email'),
    source: SourceRefSchema.optional(),
  })
  .describe('收訖明細 / receipt confirmation');
export type Receipts = z.infer<typeof ReceiptsSchema>;
