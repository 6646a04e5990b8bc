import * as z from 'zod';

/** A clause's number as the document counts it: `五`, `三`, `1` (parentheses and 、 are the document's printing, see `clauseNumbering`). */
const ClauseNumberSchema = z
  .union([z.string().min(1), z.int().nonnegative()])
  .describe('條次 / the clause number, e.g. 五, 三, 1 (cited by depth: 五(三)1)');

const CellSchema = z.union([z.string(), z.number()]);

/** A table inside a clause (馬公 九(三) 代理人名單): its header and rows as written; equal neighbouring cells are one merged cell. */
export const ClauseTableSchema = z
  .strictObject({
    columns: z.array(CellSchema).min(1).describe('表頭 / the header cells'),
    rows: z.array(z.array(CellSchema)).describe('各列 / the rows, cell by cell'),
  })
  .describe('表格 / a table, as written');
export type ClauseTable = z.infer<typeof ClauseTableSchema>;

export interface Clause {
  readonly number: string | number;
  readonly heading?: string | undefined;
  readonly text?: string | undefined;
  readonly table?: ClauseTable | undefined;
  readonly clauses?: readonly Clause[] | undefined;
  readonly closing?: string | undefined;
}

/**
 * One clause of the document, word for word: its number, the heading the document prints before a
 * full-width colon (「基本資料：」), its text (paragraphs on separate lines), a table, its sub-clauses,
 * and a closing paragraph that follows them.
 */
export const ClauseSchema: z.ZodType<Clause> = z
  .strictObject({
    number: ClauseNumberSchema,
    heading: z.string().min(1).optional().describe('標題 / the heading printed before 「：」, e.g. 基本資料'),
    text: z.string().min(1).optional().describe('條文 / the text, word for word (one paragraph a line)'),
    table: ClauseTableSchema.optional(),
    get clauses() {
      return z.array(ClauseSchema).optional().describe('各款 / its sub-clauses');
    },
    closing: z.string().min(1).optional().describe('末段 / a paragraph after the sub-clauses'),
  })
  .meta({ id: 'clause', description: '條文 / a clause of the document, word for word' });

export const ClausesSchema = z.array(ClauseSchema).describe("條文 / the document's clauses, word for word");

/** A table annexed to the document (分工表, 作業流程), cited as `<name> <row>` (作業流程 7, 分工表 系統維護). */
export const AnnexSchema = z
  .strictObject({
    name: z.string().min(1).describe('簡稱 / how clauses cite it, e.g. 作業流程, 分工表'),
    title: z.string().min(1).optional().describe('表名 / its title as printed'),
    text: z.string().min(1).optional().describe('說明 / the text above the table'),
    columns: z.array(CellSchema).min(1).describe('表頭 / the header cells'),
    rows: z
      .array(z.array(CellSchema))
      .describe('各列 / the rows, cell by cell; equal neighbouring cells are one merged cell'),
  })
  .describe('附表 / a table annexed to the document, word for word');
export type Annex = z.infer<typeof AnnexSchema>;

export const AnnexesSchema = z.array(AnnexSchema).describe('附表 / the tables annexed to the document');

/** How the document prints its clause numbers, by depth: a sample number per depth. */
export const ClauseNumberingSchema = z
  .array(z.string().min(1))
  .min(1)
  .describe('條次格式 / how the document prints clause numbers, by depth, e.g. [一、, （一）, 1、, (1)]');
