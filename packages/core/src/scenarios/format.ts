// The scenario file format (docs/reference/scenarios.md): one rule of one pack, told as
// given → when → expect, in words a registration-section chief can check against the clause.
import { z } from 'zod';

const TermSchema = z.union([z.string().regex(/^(\d{2,3}0[12]|\d{2,3}-[12])$/), z.int()]).transform(String);
const DateSchema = z.iso.date();
const CODE = /^PR\d{4}$/;

/** A finding the scenario expects: its code alone, or the code with the fields that matter. */
export const ExpectedFindingSchema = z.union([
  z.string().regex(CODE),
  z.strictObject({
    code: z.string().regex(CODE),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    subject: z.string().optional(),
    /** `<document> <clause>`, e.g. `作業要點 課程學習成果勾選件數 (111學年度起)`. */
    source: z.string().optional(),
    layer: z.string().optional(),
    /** Where the finding points in the pack file: `line` or `line:column`. */
    at: z.union([z.int(), z.string().regex(/^\d+:\d+$/)]).optional(),
    /** The numbers behind it (a partial map: only the keys written are compared), e.g. `{ channels: [paper] }`. */
    data: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type ExpectedFinding = z.infer<typeof ExpectedFindingSchema>;

const StudentSchema = z.strictObject({
  id: z.string().min(1),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  class: z.string().optional(),
  division: z.enum(['day', 'continuingEducation']).optional(),
  status: z.enum(['enrolled', 'graduated', 'left', 'suspended']).optional(),
  graduatedOn: DateSchema.optional(),
  leftOn: DateSchema.optional(),
});

/** Records already on the platform, written as "n items like this" so a table of counts stays short. */
const RecordsSchema = z.strictObject({
  /** The item's id (with `count`, the items are `<id>#1`, `<id>#2` …); default `<student>-<kind>-<n>`. */
  id: z.string().min(1).optional(),
  kind: z.enum(['courseOutcome', 'diversePerformance']),
  student: z.string().min(1),
  count: z.int().positive().optional().describe('how many items like this (default 1)'),
  term: TermSchema.optional(),
  academicYear: z.int().optional(),
  course: z.string().optional(),
  department: z.string().optional(),
  domain: z.string().optional(),
  certifier: z.string().optional(),
  state: z.enum(['draft', 'submitted', 'certified', 'rejected']).optional(),
  entry: z.enum(['student', 'schoolEntered', 'bulkImport']).optional(),
  category: z.string().optional(),
  selected: z.boolean().optional(),
});

/** Someone acting on the platform (core's Actor): their roles, units, courses, classes … */
const PersonSchema = z.strictObject({
  id: z.string().min(1),
  roles: z.array(z.string().min(1)).min(1),
  units: z.array(z.string()).optional(),
  courses: z.array(z.string()).optional(),
  classes: z.array(z.string()).optional(),
  departments: z.array(z.string()).optional(),
  domains: z.array(z.string()).optional(),
  studentId: z.string().optional(),
  division: z.enum(['day', 'continuingEducation']).optional(),
  activeUntil: DateSchema.optional(),
});

/** What a permission is asked about (core's Resource). */
const ResourceSchema = z.strictObject({
  kind: z.string().min(1),
  id: z.string().optional(),
  studentId: z.string().optional(),
  class: z.string().optional(),
  course: z.string().optional(),
  department: z.string().optional(),
  domain: z.string().optional(),
  category: z.string().optional(),
  entry: z.enum(['student', 'schoolEntered', 'bulkImport']).optional(),
  division: z.enum(['day', 'continuingEducation']).optional(),
});

export const GivenSchema = z.strictObject({
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
  /** What the school did, as it logs it: the working group's meetings and the trainings run (會議及研習紀錄). */
  log: z
    .strictObject({
      meetings: z.array(DateSchema).optional(),
      trainings: z
        .array(
          z.strictObject({
            date: DateSchema,
            audience: z.union([
              z.enum(['students', 'teachers', 'parents', 'staff']),
              z.array(z.enum(['students', 'teachers', 'parents', 'staff'])).min(1),
            ]),
            kind: z.enum(['training', 'briefing', 'workshop']).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  unavailable: z
    .array(z.string())
    .optional()
    .describe('出缺 / units, roles or designatedBy:<unit> links that cannot act'),
});
export type Given = z.infer<typeof GivenSchema>;

const StudentKindSchema = z.enum(['courseOutcome', 'diversePerformance']);

/** Something that happens to a record at a date: an upload, a selection, a step of certification. */
export const RecordActionSchema = z.union([
  z.strictObject({
    upload: StudentKindSchema.describe('a student uploads a new item of this kind'),
    student: z.string().min(1),
    term: TermSchema.optional(),
    academicYear: z.int().optional(),
    entry: z.enum(['student', 'schoolEntered', 'bulkImport']).optional(),
    at: DateSchema,
  }),
  z.strictObject({
    select: z.string().min(1).describe('the student selects (勾選) this record for the central database'),
    at: DateSchema,
  }),
  z.strictObject({
    certification: z
      .enum(['submit', 'certify', 'reject', 'revoke', 'reassign', 'edit', 'withdraw'])
      .describe('a step of certification (送審、認證、認證失敗、撤銷認證、更換認證教師)'),
    record: z.string().min(1),
    /** Who does it: a person of given.people; the student themselves when left out. */
    by: z.string().min(1).optional(),
    reason: z.string().optional(),
    certifier: z.string().optional(),
    at: DateSchema,
  }),
]);
export type RecordAction = z.infer<typeof RecordActionSchema>;

export const WhenSchema = z.union([
  RecordActionSchema,
  z.strictObject({
    steps: z.array(RecordActionSchema).min(1).describe('actions in order; each earlier one must be allowed'),
  }),
  z.literal('validate').describe('validate the pack (portfolio-rules validate)'),
  z.literal('audit').describe('audit the rules for the term: the duty table, the windows, the governance'),
  z.strictObject({
    rule: z.string().min(1).describe('read the effective value at a pack path; a custom rule is `rules.<id>`'),
    /** With `at`: evaluate the custom rule `rules.<id>` on this student of `given.students` (core's facts from `given.records`, windows by `given.calendar`). */
    student: z.string().min(1).optional(),
    /** The audit day the custom rule is evaluated on. */
    at: DateSchema.optional(),
  }),
  z.strictObject({
    window: z.string().min(1).describe('the window of an activity (作業期程), for a grade and a semester'),
    grade: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    semester: z.union([z.literal(1), z.literal(2)]).optional(),
    /** Is it open on this day? (needs `given.calendar` for windows relative to calendar anchors) */
    at: DateSchema.optional(),
  }),
  z.strictObject({
    can: z.string().min(1).describe('a permission of the platform matrix, e.g. certifyCourseOutcomes'),
    by: z.string().min(1).describe('a person of given.people'),
    on: ResourceSchema,
    at: DateSchema,
  }),
  z.strictObject({
    receiptPeriod: z
      .strictObject({ opens: DateSchema, closes: DateSchema })
      .describe('a receipt-confirmation period the school announces (收訖明細確認期間)'),
  }),
  z.strictObject({
    governance: z
      .strictObject({ from: DateSchema, to: DateSchema })
      .describe("audit the school's log of meetings and trainings over a period"),
  }),
  z.strictObject({
    notifyLeavers: DateSchema.describe(
      'receipt confirmation opens on this day: which students who left must be told, and how',
    ),
  }),
  z.strictObject({
    delete: z.string().min(1).describe("delete a (graduated) student's records: the student id"),
    at: DateSchema,
  }),
  z.strictObject({
    acting: z.string().min(1).describe('who acts for a duty (代理人)'),
    division: z.enum(['day', 'continuingEducation']).optional(),
  }),
]);
export type When = z.infer<typeof WhenSchema>;

export const ExpectSchema = z.strictObject({
  /** The findings, all of them (order does not matter); `[]` means none. */
  findings: z.array(ExpectedFindingSchema).optional(),
  allowed: z.boolean().optional(),
  /** The effective value (a partial object is enough: only the keys written are compared). */
  value: z.unknown().optional(),
  /** The layer that set the value (each key of `value`): `school:magong`, `national@2022-08-01`, `overlay:taipei`, or its kind alone (`school`, `overlay`, `national`). */
  layer: z.string().optional(),
  /** The clause that set the value: a bare clause of the pack's document, or `<document> <clause>`. */
  source: z.string().optional(),
  /** The national bound that holds whatever the pack says. */
  nationalBound: z
    .strictObject({
      max: z.int().optional(),
      min: z.int().optional(),
      per: z.enum(['semester', 'academicYear']).optional(),
      source: z.string().optional(),
    })
    .optional(),
  /** Whether the pack has rules for the term at all (false: the term is outside its period). */
  applies: z.boolean().optional(),
  /** Who acts (a unit or role identifier, or `designatedBy:<unit>`); `nobody` when the chain is exhausted. */
  acting: z.string().optional(),
  /** The whole chain, owner first. */
  chain: z.array(z.string()).optional(),
});
export type Expect = z.infer<typeof ExpectSchema>;

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
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
    when: WhenSchema.describe('動作 / what happens: validate, audit, a rule, a window, who acts, an action at a date'),
    expect: ExpectSchema.describe('預期結果 / what must come out: allowed, findings, value, layer, clause, who acts'),
  })
  .describe('情境測試 / a scenario: one rule of one pack, as given → when → expect (docs/reference/scenarios.md)');

/** The scenario file's JSON Schema, for editors (yaml-language-server); schools/scenario.schema.json is checked against it. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
export type Scenario = z.infer<typeof ScenarioSchema>;
