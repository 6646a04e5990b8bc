import { z } from 'zod';
import type { Source } from '../findings/types';

/**
 * `source:` in a pack: the clause alone (`五(三)1`, cited with the pack's `document`)
 * or a document and a clause (`{ document: 作業要點, clause: 五 }`).
 */
export const SourceRefSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      document: z.string().min(1).describe('文件名稱 / document, e.g. 作業要點'),
      clause: z.string().min(1).describe('條次 / clause, e.g. 五(三)1'),
    }),
  ])
  .describe('依據條文 / the clause this rule encodes: "五(三)1" or { document, clause }');

export type SourceRef = z.infer<typeof SourceRefSchema>;

export function resolveSource(ref: SourceRef | undefined, document: string): Source | undefined {
  if (ref === undefined) return undefined;
  return typeof ref === 'string' ? { document, clause: ref } : ref;
}
