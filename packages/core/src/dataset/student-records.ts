import * as z from 'zod';
import { DiversePerformanceCategorySchema, EntrySourceSchema, FileTypeSchema } from '../records/schema';
import {
  CERTIFICATION_STATES,
  STUDENT_STATUSES,
  type CourseOutcome,
  type DiversePerformance,
  type Student,
} from '../records/items';
import { DivisionSchema } from '../units/schema';
import { AcademicYearField, DateField, Id, SchoolField, TermField } from './fields';

/** `student` (基本資料): one line per student. */
export const StudentLineSchema = z.strictObject({
  type: z.literal('student'),
  id: Id.describe('學號 / student number'),
  grade: z.literal([1, 2, 3]).describe('年級 / grade 1–3'),
  class: z.string().min(1).optional().describe('班級 / class, e.g. 101'),
  division: DivisionSchema.optional(),
  status: z
    .enum(STUDENT_STATUSES)
    .default('enrolled')
    .describe('學籍狀態 / enrolled (default), graduated, left, suspended'),
  graduatedOn: DateField.optional().describe('畢業日 / the day they graduated (starts the retention seal)'),
  leftOn: DateField.optional().describe('離校日 / the day they left'),
  school: SchoolField,
}) satisfies z.ZodType<StudentRecord>;

const FileSchema = z.strictObject({
  name: z.string().min(1),
  type: FileTypeSchema,
  megabytes: z.number().min(0),
});

const itemShape = {
  id: Id.describe('項目代碼 / the item id'),
  studentId: Id.describe('學號 / the student'),
  entry: EntrySourceSchema.default('student'),
  selected: z.boolean().default(false).describe('已勾選 / chosen for the central database'),
  withdrawn: z.boolean().optional().describe('已刪除或撤回 / deleted or withdrawn by the student'),
  summary: z.string().optional().describe('簡述 / the summary'),
  files: z.array(FileSchema).optional(),
  uploadedOn: DateField.optional().describe('上傳日 / upload day'),
  school: SchoolField,
};

/** `courseOutcome` (課程學習成果): uploaded per semester, certified by the course teacher. */
/** A line read as an item of `kind`, marked in place: the line's object is the reader's own, and no object is made to copy from. */
function withKind<T extends object, K extends string>(line: T, kind: K): T & { kind: K } {
  const marked = line as T & { kind: K };
  marked.kind = kind;
  return marked;
}

export const CourseOutcomeLineSchema = z
  .strictObject({
    type: z.literal('courseOutcome'),
    ...itemShape,
    term: TermField.describe('學期 / term, 11201 or 112-1'),
    course: Id.describe('課程 / course code or name'),
    certifier: Id.describe('認證教師 / the teacher assigned to certify it'),
    state: z.enum(CERTIFICATION_STATES).describe('認證狀態 / draft, submitted, certified, rejected'),
    rejectionReason: z.string().optional().describe('認證失敗原因 / why certification failed'),
    certifiedBy: Id.optional().describe('實際認證者 / who certified (a deputy, when not the certifier)'),
    certifiedOn: DateField.optional().describe('認證日 / day certified or rejected'),
  })
  .transform((line) => withKind(line, 'courseOutcome')) satisfies z.ZodType<CourseOutcomeRecord>;

/** `diversePerformance` (多元表現): uploaded per academic year, in one of the eight categories. */
export const DiversePerformanceLineSchema = z
  .strictObject({
    type: z.literal('diversePerformance'),
    ...itemShape,
    academicYear: AcademicYearField.describe('學年度 / ROC academic year, e.g. 112'),
    term: TermField.optional(),
    category: DiversePerformanceCategorySchema.describe('類別 / one of the eight categories'),
  })
  .transform((line) => withKind(line, 'diversePerformance')) satisfies z.ZodType<DiversePerformanceRecord>;

/** A `student` line as read: the engine's `Student` with its `type`. */
export type StudentRecord = Student & { readonly type: 'student' };
/** A `courseOutcome` line as read: the engine's `CourseOutcome` with its `type`. */
export type CourseOutcomeRecord = CourseOutcome & { readonly type: 'courseOutcome' };
/** A `diversePerformance` line as read: the engine's `DiversePerformance` with its `type`. */
export type DiversePerformanceRecord = DiversePerformance & { readonly type: 'diversePerformance' };
