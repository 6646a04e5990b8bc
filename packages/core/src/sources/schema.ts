import * as z from 'zod';

/** `source:` in a pack (the `SourceRef` of sources/index.ts). */
export const SourceRefSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      document: z.string().min(1).describe('文件名稱 / document, e.g. 作業要點'),
      clause: z.string().min(1).describe('條次 / clause, e.g. 五(三)1'),
    }),
  ])
  .describe('依據條文 / the clause this rule encodes: "五(三)1" or { document, clause }');
