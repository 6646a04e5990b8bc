import * as z from 'zod';
import { CapsSchema, FilesSchema } from '../caps/schema';
import { AnnexesSchema, ClauseNumberingSchema, ClausesSchema } from '../clauses/schema';
import { DutiesSchema } from '../duties/schema';
import { EnrolmentSchema } from '../enrolment/schema';
import { CustomRuleSchema } from '../expressions/schema';
import { GovernanceSchema } from '../governance/schema';
import { DeclaredRolesSchema, PermissionsSchema } from '../permissions/schema';
import { ReceiptsSchema } from '../receipts/schema';
import { RetentionSchema } from '../retention/schema';
import { SourceRefSchema } from '../sources/schema';
import { SubmissionLockSchema } from '../submission/schema';
import { TermInputSchema } from '../term/schema';
import { DivisionSchema, UnitsSchema } from '../units/schema';
import { WindowBoundsSchema, WindowsSchema } from '../windows/schema';

export const AdoptionSchema = z.strictObject({
  date: z.iso.date().describe('日期 / date, YYYY-MM-DD'),
  body: z.string().min(1).describe('通過會議 / the body that adopted it, e.g. 校務會議'),
  note: z.string().optional().describe('備註 / a note, e.g. 修正第五點'),
});

export const PackSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('JSON Schema (通常由檔首註解指定) / the JSON Schema, usually named by the first-line comment'),
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'packId')
      .describe('代號 / pack id: lower-case letters, digits and -'),
    kind: z.enum(['school', 'overlay']).optional().describe('school 學校補充規定 (default) or overlay 區域規定'),
    name: z.string().min(1).describe("規定名稱 / the rules' title"),
    school: z.string().min(1).optional().describe('學校名稱 / the school'),
    document: z.string().min(1).describe("引用時之文件簡稱 / how this pack's clauses are cited, e.g. 馬公補充規定"),
    version: z.string().min(1).optional().describe('版本 / version label, e.g. 112'),
    extends: z
      .string()
      .min(1)
      .optional()
      .describe('繼承 / the layer below: national (default) or a regional overlay id such as taipei'),
    adopted: z.array(AdoptionSchema).optional().describe('訂定及修正沿革 / adoption and amendments'),
    appliesFrom: TermInputSchema.optional().describe('適用起始學期 / first term it applies to'),
    appliesUntil: TermInputSchema.optional().describe('適用終止學期 / last term it applies to'),
    divisions: z.array(DivisionSchema).min(1).optional().describe('部別 / divisions the school has'),
    units: UnitsSchema.optional(),
    caps: CapsSchema.optional(),
    files: z
      .strictObject({ courseOutcome: FilesSchema.optional(), diversePerformance: FilesSchema.optional() })
      .optional()
      .describe('檔案規格 / file constraints per kind'),
    duties: DutiesSchema.optional(),
    windows: WindowsSchema.optional(),
    windowBounds: WindowBoundsSchema.optional(),
    submissionLock: SubmissionLockSchema.optional(),
    receipts: ReceiptsSchema.optional(),
    retention: RetentionSchema.optional(),
    governance: GovernanceSchema.optional(),
    roles: DeclaredRolesSchema.optional(),
    permissions: PermissionsSchema.optional(),
    enrolment: EnrolmentSchema.optional(),
    rules: z.array(CustomRuleSchema).optional().describe('自訂檢核規則 / custom rules in json-logic'),
    clauseNumbering: ClauseNumberingSchema.optional(),
    clauses: ClausesSchema.optional(),
    annexes: AnnexesSchema.optional(),
    notes: z
      .array(
        z.strictObject({
          text: z.string().min(1).describe('條文內容或說明 / what the clause says, or why it is not checked'),
          source: SourceRefSchema.optional(),
        }),
      )
      .optional()
      .describe('不可機器檢核之條文 / clauses recorded but not machine-checkable'),
  })
  .describe("學生學習歷程檔案作業補充規定 / a school's supplementary rules for the learning portfolio");

export type Pack = z.infer<typeof PackSchema>;
