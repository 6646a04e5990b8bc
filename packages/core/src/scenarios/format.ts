// The scenario file format (docs/reference/scenarios.md): one rule of one pack, told as
// given → when → expect, in words a registration-section chief can check against the clause.
// Every key is described in both languages: editors show the descriptions as the author types.
import * as z from 'zod';
import { editorJsonSchema } from '../_lib/json-schema';

const TermSchema = z
  .union([z.string().regex(/^(\d{2,3}0[12]|\d{2,3}-[12])$/), z.int()])
  .transform(String)
  .describe('學期 / a term, e.g. 11201 or 112-1');
const DateSchema = z.iso.date().describe('日期 / a date, YYYY-MM-DD');
const CODE = /^PR\d{4}$/;
const GradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('年級 / grade 1, 2 or 3');
const DivisionSchema = z
  .enum(['day', 'continuingEducation'])
  .describe('部別 / division: day 日間部, continuingEducation 進修部');
const EntrySchema = z
  .enum(['student', 'schoolEntered', 'bulkImport'])
  .describe('登錄來源 / entered by: student 學生上傳, schoolEntered 學校登錄, bulkImport 整批匯入');
const AcademicYearSchema = z.int().describe('學年度 / academic year, e.g. 112');
const StudentKindSchema = z
  .enum(['courseOutcome', 'diversePerformance'])
  .describe('種類 / kind: courseOutcome 課程學習成果, diversePerformance 多元表現');

/** A finding the scenario expects: its code alone, or the code with the fields that matter. */
export const ExpectedFindingSchema = z
  .union([
    z.string().regex(CODE).describe('檢核代碼 / a finding code, e.g. PR2002'),
    z
      .strictObject({
        code: z.string().regex(CODE).describe('檢核代碼 / the finding code, e.g. PR2002'),
        severity: z
          .enum(['error', 'warning', 'info'])
          .optional()
          .describe('嚴重程度 / severity: error 錯誤, warning 警告, info 提示'),
        subject: z.string().optional().describe('對象 / what it is about, e.g. caps.courseOutcome.upload.min'),
        source: z
          .string()
          .optional()
          .describe('依據 / its clause: `<document> <clause>`, e.g. 作業要點 課程學習成果勾選件數 (111學年度起)'),
        layer: z
          .string()
          .optional()
          .describe('層次 / the layer it cites: school:magong, national@2022-08-01, or a kind alone (school)'),
        at: z
          .union([z.int(), z.string().regex(/^\d+:\d+$/)])
          .optional()
          .describe('位置 / where it points in the pack file: line, or line:column'),
        data: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('數值 / the numbers behind it, a partial map, e.g. { channels: [paper] }'),
      })
      .describe('檢核結果 / a finding with the fields that matter'),
  ])
  .describe('預期之檢核結果 / an expected finding: a code, or an object');
export type ExpectedFinding = z.infer<typeof ExpectedFindingSchema>;

const StudentSchema = z
  .strictObject({
    id: z.string().min(1).describe('學生代號 / the student id'),
    grade: GradeSchema,
    class: z.string().optional().describe('班級 / class, e.g. 201'),
    division: DivisionSchema.optional(),
    status: z
      .enum(['enrolled', 'graduated', 'left', 'suspended'])
      .optional()
      .describe('學籍 / status: enrolled 在學 (default), graduated 畢業, left 轉出/退學, suspended 休學'),
    graduatedOn: DateSchema.optional().describe('畢業日 / graduation day'),
    leftOn: DateSchema.optional().describe('離校日 / the day they left'),
  })
  .describe('學生 / a student');

/** Records already on the platform, written as "n items like this" so a table of counts stays short. */
const RecordsSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .optional()
      .describe('資料代號 / item id; with count, <id>#1, <id>#2 … (default <student>-<kind>-<n>)'),
    kind: StudentKindSchema,
    student: z.string().min(1).describe('學生 / a student of given.students'),
    count: z.int().positive().optional().describe('件數 / how many items like this (default 1)'),
    term: TermSchema.optional().describe('學期 / the term (default given.term)'),
    academicYear: AcademicYearSchema.optional(),
    course: z.string().optional().describe('課程 / course'),
    department: z.string().optional().describe('科別 / department'),
    domain: z.string().optional().describe('領域 / domain'),
    certifier: z.string().optional().describe('認證教師 / the certifying teacher, a person of given.people'),
    state: z
      .enum(['draft', 'submitted', 'certified', 'rejected'])
      .optional()
      .describe('狀態 / state: draft 暫存, submitted 已送審 (default), certified 已認證, rejected 認證未通過'),
    entry: EntrySchema.optional(),
    category: z.string().optional().describe('多元表現類別 / diverse-performance category'),
    selected: z.boolean().optional().describe('已勾選 / selected for the central database'),
  })
  .describe('平臺上已有之資料 / items already on the platform');

/** Someone acting on the platform (core's Actor): their roles, units, courses, classes … */
const PersonSchema = z
  .strictObject({
    id: z.string().min(1).describe('人員代號 / the person id'),
    roles: z
      .array(z.string().min(1))
      .min(1)
      .describe(
        '角色 / roles, e.g. courseTeacher 任課教師, homeroomTeacher 導師, systemAdmin 系統管理者, or one the pack declares under roles:',
      ),
    units: z.array(z.string()).optional().describe('所屬處室 / units, e.g. registration'),
    courses: z.array(z.string()).optional().describe('任教課程 / courses taught'),
    classes: z.array(z.string()).optional().describe('班級 / classes (導師)'),
    advisees: z.array(z.string()).optional().describe('諮詢學生 / the students one advises (課程諮詢教師)'),
    departments: z.array(z.string()).optional().describe('科別 / departments'),
    domains: z.array(z.string()).optional().describe('領域 / domains'),
    studentId: z.string().optional().describe('學生本人之代號 / the student id, for a student acting'),
    division: DivisionSchema.optional(),
    activeUntil: DateSchema.optional().describe('帳號有效至 / the last day a departed teacher may act'),
  })
  .describe('教師或行政人員 / a teacher or staff member who acts');

/** What a permission is asked about (core's Resource). */
const ResourceSchema = z
  .strictObject({
    kind: z.string().min(1).describe('資料種類 / the kind of record, e.g. courseOutcome'),
    id: z.string().optional().describe('資料代號 / the record id'),
    studentId: z.string().optional().describe('學生 / the student'),
    class: z.string().optional().describe('班級 / class'),
    course: z.string().optional().describe('課程 / course'),
    department: z.string().optional().describe('科別 / department'),
    domain: z.string().optional().describe('領域 / domain'),
    category: z.string().optional().describe('類別 / category'),
    entry: EntrySchema.optional(),
    division: DivisionSchema.optional(),
  })
  .describe('對象資料 / the record the permission is asked about');

const TrainingLogSchema = z
  .strictObject({
    date: DateSchema,
    audience: z
      .union([
        z.enum(['students', 'teachers', 'parents', 'staff']),
        z.array(z.enum(['students', 'teachers', 'parents', 'staff'])).min(1),
      ])
      .describe('對象 / audience: students, teachers, parents, staff (one or a list)'),
    kind: z
      .enum(['training', 'briefing', 'workshop'])
      .optional()
      .describe('形式 / kind: training 訓練, briefing 說明會, workshop 研習'),
  })
  .describe('辦理之研習 / a training held');

export const GivenSchema = z
  .strictObject({
    term: TermSchema.optional().describe('學期 / the term the rules are read for, e.g. 11201'),
    change: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('試改 / a change laid over the pack before it is read, to try a value the school has not adopted'),
    students: z.array(StudentSchema).optional().describe('學生 / students'),
    people: z.array(PersonSchema).optional().describe('教師及行政人員 / teachers and staff who act'),
    records: z.array(RecordsSchema).optional().describe('平臺上已有之資料 / items already on the platform'),
    calendar: z
      .record(z.string(), DateSchema)
      .optional()
      .describe("行事曆 / the term's anchors: anchor → date, e.g. closingCeremony: 2024-01-19"),
    log: z
      .strictObject({
        meetings: z.array(DateSchema).optional().describe('工作小組開會日期 / days the working group met'),
        trainings: z.array(TrainingLogSchema).optional().describe('辦理之研習及說明會 / trainings held'),
      })
      .optional()
      .describe('會議及研習紀錄 / what the school did, as it logs it'),
    unavailable: z
      .array(z.string())
      .optional()
      .describe('出缺 / units, roles or designatedBy:<unit> links that cannot act'),
  })
  .describe('情境 / the situation');
export type Given = z.infer<typeof GivenSchema>;

const At = (what: string) => DateSchema.describe(`日期 / ${what}`);

/** Something that happens to a record at a date: an upload, a selection, a step of certification. */
const UploadSchema = z
  .strictObject({
    upload: StudentKindSchema.describe('上傳 / a student uploads a new item of this kind'),
    student: z.string().min(1).describe('學生 / a student of given.students'),
    term: TermSchema.optional().describe('學期 / the term of the item (default given.term)'),
    academicYear: AcademicYearSchema.optional(),
    entry: EntrySchema.optional(),
    at: At('the day of the upload'),
  })
  .describe('上傳 / a student uploads an item');
const SelectSchema = z
  .strictObject({
    select: z.string().min(1).describe('勾選 / the student selects this record for the central database'),
    at: At('the day of the selection'),
  })
  .describe('勾選 / a student selects a record');
const CertificationSchema = z
  .strictObject({
    certification: z
      .enum(['submit', 'certify', 'reject', 'revoke', 'reassign', 'edit', 'withdraw'])
      .describe(
        '認證步驟 / a step of certification: submit 送審, certify 認證, reject 認證失敗, revoke 撤銷認證, reassign 更換認證教師, edit 修改, withdraw 撤回',
      ),
    record: z.string().min(1).describe('資料代號 / the record'),
    by: z.string().min(1).optional().describe('執行者 / who does it, a person of given.people (default the student)'),
    reason: z.string().optional().describe('理由 / the reason given'),
    certifier: z.string().optional().describe('新認證教師 / the new certifier (reassign)'),
    at: At('the day of the step'),
  })
  .describe('認證 / a step of certification');

export const RecordActionSchema = z.union([UploadSchema, SelectSchema, CertificationSchema]);
export type RecordAction = z.infer<typeof RecordActionSchema>;

/** The kinds of `when` that are objects, each known by its first key (the editors' discriminator). */
const WHEN_OBJECTS = {
  upload: UploadSchema,
  select: SelectSchema,
  certification: CertificationSchema,
  steps: z
    .strictObject({
      steps: z
        .array(RecordActionSchema)
        .min(1)
        .describe('依序之動作 / actions in order: upload, select, certification; each earlier one must be allowed'),
    })
    .describe('多個動作 / several actions in order'),
  rule: z
    .strictObject({
      rule: z
        .string()
        .min(1)
        .describe(
          '規定路徑 / read the effective value at a pack path, e.g. caps.courseOutcome.upload; a custom rule is rules.<id>',
        ),
      student: z
        .string()
        .min(1)
        .optional()
        .describe('學生 / with at: evaluate the custom rule rules.<id> on this student of given.students'),
      at: At('the audit day the custom rule is evaluated on').optional(),
    })
    .describe('讀出規定 / the value of a rule, who set it and by which clause'),
  window: z
    .strictObject({
      window: z.string().min(1).describe('作業期程 / the window of an activity, e.g. courseOutcomeUpload'),
      grade: GradeSchema.optional(),
      semester: z
        .union([z.literal(1), z.literal(2)])
        .optional()
        .describe('學期 / semester 1 or 2'),
      at: At('is it open on this day? (needs given.calendar)').optional(),
    })
    .describe('作業期程 / a window, for a grade and a semester'),
  can: z
    .strictObject({
      can: z.string().min(1).describe('權限 / a permission of the platform matrix, e.g. certifyCourseOutcomes'),
      by: z.string().min(1).describe('人員 / a person of given.people'),
      on: ResourceSchema,
      at: At('the day it is asked'),
    })
    .describe('權限 / may this person do this'),
  receiptPeriod: z
    .strictObject({
      receiptPeriod: z
        .strictObject({ opens: At('the first day'), closes: At('the last day') })
        .describe('收訖明細確認期間 / a receipt-confirmation period the school announces'),
    })
    .describe('收訖明細確認期間 / a receipt-confirmation period'),
  governance: z
    .strictObject({
      governance: z
        .strictObject({ from: At('the first day'), to: At('the last day') })
        .describe("會議及研習紀錄 / audit the school's log of meetings and trainings over a period"),
    })
    .describe('組織運作稽核 / the governance log over a period'),
  notifyLeavers: z
    .strictObject({
      notifyLeavers: At('receipt confirmation opens on this day: which students who left must be told, and how'),
    })
    .describe('通知離校學生 / telling students who left'),
  delete: z
    .strictObject({
      delete: z.string().min(1).describe("刪除資料 / delete a (graduated) student's records: the student id"),
      at: At('the day of the deletion'),
    })
    .describe('刪除 / deleting a graduate’s records'),
  acting: z
    .strictObject({
      acting: z.string().min(1).describe('業務 / who acts for this duty (代理人), e.g. receiptConfirmation'),
      division: DivisionSchema.optional(),
    })
    .describe('代理 / who acts for a duty'),
} as const;

const WhenKindSchema = z
  .enum(['validate', 'audit'])
  .describe(
    'validate 檢核規定檔 (同 portfolio-rules validate)；audit 稽核該學期之規定 / validate the pack; audit the rules for the term',
  );

export const WhenSchema = z
  .union([WhenKindSchema, ...Object.values(WHEN_OBJECTS)])
  .describe('動作 / what happens: validate, audit, a rule, a window, who acts, an action at a date');
export type When = z.infer<typeof WhenSchema>;

export const ExpectSchema = z
  .strictObject({
    findings: z
      .array(ExpectedFindingSchema)
      .optional()
      .describe('檢核結果 / the findings, all of them, in any order; [] means none'),
    allowed: z.boolean().optional().describe('是否允許 / allowed (no error) or refused'),
    value: z
      .unknown()
      .optional()
      .describe('規定值 / the effective value; a partial object is enough: only the keys written are compared'),
    layer: z
      .string()
      .optional()
      .describe(
        '設定層 / the layer that set the value: school:magong, national@2022-08-01, overlay:taipei, or its kind alone (school, overlay, national)',
      ),
    source: z
      .string()
      .optional()
      .describe("依據 / the clause that set the value: a bare clause of the pack's document, or <document> <clause>"),
    nationalBound: z
      .strictObject({
        max: z.int().optional().describe('全國上限 / the national maximum'),
        min: z.int().optional().describe('全國下限 / the national minimum'),
        per: z
          .enum(['semester', 'academicYear'])
          .optional()
          .describe('期間 / per semester 每學期 or academicYear 每學年'),
        source: z.string().optional().describe('依據 / the national clause'),
      })
      .optional()
      .describe('全國規定界限 / the national bound that holds whatever the pack says'),
    applies: z
      .boolean()
      .optional()
      .describe('是否適用 / whether the pack has rules for the term (false: outside its period)'),
    acting: z
      .string()
      .optional()
      .describe('代理者 / who acts: a unit or role, or designatedBy:<unit>; nobody when the chain is exhausted'),
    chain: z.array(z.string()).optional().describe('代理順序 / the whole chain, owner first'),
  })
  .describe('預期結果 / what must come out: allowed, findings, value, layer, clause, who acts');
export type Expect = z.infer<typeof ExpectSchema>;

export const ScenarioSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('JSON Schema (由檔首註解指定) / the JSON Schema, named by the first-line comment'),
    clause: z
      .string()
      .min(1)
      .describe("條次 / the clause the scenario checks, cited with the pack's document, e.g. 五(三)1"),
    title: z.string().min(1).describe("情境名稱 / the scenario's name, in Chinese"),
    pack: z
      .string()
      .regex(/^[a-z0-9/_-]+\.yaml$/)
      .optional()
      .describe("規定檔 / the pack file in the school's folder, default pack.yaml (e.g. versions/111.yaml)"),
    given: GivenSchema.optional().describe(
      '情境 / the situation: term, calendar, students, people, records, who is unavailable',
    ),
    when: WhenSchema,
    expect: ExpectSchema,
  })
  .describe('情境測試 / a scenario: one rule of one pack, as given → when → expect (docs/reference/scenarios.md)');

type Node = Record<string, unknown>;

/**
 * `when` for editors: one of the two words, or else one object that knows every key of every kind
 * (so a misspelt key is the one error shown, and completion lists the keys with their
 * descriptions), each kind then checked in full once its key is there (`if`/`then`: the
 * discriminator). `if`/`else` rather than `anyOf`, so that the editor never reports the wrong branch.
 */
function whenForEditors(): Node {
  const kinds = Object.entries(WHEN_OBJECTS).map(([key, schema]) => [key, editorJsonSchema(schema)] as const);
  const properties: Record<string, unknown> = {};
  for (const [, schema] of kinds)
    for (const [key, property] of Object.entries((schema.properties ?? {}) as Node)) properties[key] ??= property;
  const strip = ({ $schema: _, description: __, ...rest }: Node) => rest;
  const words = strip(editorJsonSchema(WhenKindSchema));
  return {
    title: '動作 / when',
    description: `${WhenSchema.description ?? ''}: validate | audit | { ${Object.keys(WHEN_OBJECTS).join(' | ')}: … }`,
    if: { type: 'string' },
    then: words,
    else: {
      type: 'object',
      properties,
      additionalProperties: false,
      minProperties: 1,
      allOf: kinds.map(([key, schema]) => ({ if: { required: [key] }, then: strip(schema) })),
    },
    defaultSnippets: (words.enum as string[]).map((word) => ({ label: word, body: word })),
  };
}

/** The scenario file's JSON Schema, for editors (yaml-language-server); packages/core/scenario.schema.json is checked against it. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = editorJsonSchema(ScenarioSchema) as Node & { properties: Node };
  schema.properties.when = whenForEditors();
  (schema.properties.$schema as Node).doNotSuggest = true;
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}
export type Scenario = z.infer<typeof ScenarioSchema>;
