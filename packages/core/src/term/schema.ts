import * as z from 'zod';

/** A term code as written in a pack: `11201` (a number or a string) or `112-1`; read it with `parseTerm`. */
export const TermInputSchema = z
  .union([
    z.string().regex(/^([1-9]\d{1,2}0[12]|[1-9]\d{1,2}-[12])$/, 'term'),
    z.int().refine((n) => /^\d{2,3}0[12]$/.test(String(n)), 'term'),
  ])
  .describe('學期代碼 / a term: 11201 or 112-1');
