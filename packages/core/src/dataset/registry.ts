import type * as z from 'zod';
import {
  CadreLineSchema,
  CertificationEventLineSchema,
  ConsultationLineSchema,
  CourseRecordLineSchema,
  DeletionLineSchema,
  EnrolmentChangeLineSchema,
  MeetingLineSchema,
  ReceiptLineSchema,
  SubmissionLineSchema,
  TrainingLineSchema,
} from './school-records';
import { CourseOutcomeLineSchema, DiversePerformanceLineSchema, StudentLineSchema } from './student-records';

/** How a CSV cell is read before the record's own schema checks it. */
export type ColumnKind = 'string' | 'number' | 'boolean' | 'files';

export interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
}

/** One record type of the dataset: its schema and the CSV file vendors export it as. */
export interface RecordTypeSpec {
  readonly type: string;
  readonly csvFile: string;
  readonly title: { readonly 'zh-TW': string; readonly en: string };
  readonly schema: z.ZodType;
}

const spec = (type: string, csvFile: string, zh: string, en: string, schema: z.ZodType): RecordTypeSpec => ({
  type,
  csvFile,
  title: { 'zh-TW': zh, en },
  schema,
});

/** Every record type, in the order the dataset reference documents them. */
export const RECORD_TYPES = [
  spec('student', 'students.csv', '學生基本資料', 'Student', StudentLineSchema),
  spec('courseOutcome', 'course-outcomes.csv', '課程學習成果', 'Course learning outcome', CourseOutcomeLineSchema),
  spec(
    'diversePerformance',
    'diverse-performances.csv',
    '多元表現',
    'Diverse performance',
    DiversePerformanceLineSchema,
  ),
  spec('cadre', 'cadres.csv', '幹部紀錄', 'Cadre record', CadreLineSchema),
  spec('courseRecord', 'course-records.csv', '修課紀錄', 'Course record (grade)', CourseRecordLineSchema),
  spec('consultation', 'consultations.csv', '課程諮詢紀錄', 'Course-consultation record', ConsultationLineSchema),
  spec(
    'certificationEvent',
    'certification-events.csv',
    '認證紀錄',
    'Certification event',
    CertificationEventLineSchema,
  ),
  spec('submission', 'submissions.csv', '提交紀錄', 'Submission', SubmissionLineSchema),
  spec('receipt', 'receipts.csv', '收訖明細確認', 'Receipt confirmation', ReceiptLineSchema),
  spec('meeting', 'meetings.csv', '工作小組會議', 'Working-group meeting', MeetingLineSchema),
  spec('training', 'trainings.csv', '研習及說明會', 'Training or briefing', TrainingLineSchema),
  spec('enrolmentChange', 'enrolment-changes.csv', '學籍異動', 'Enrolment change', EnrolmentChangeLineSchema),
  spec('deletion', 'deletions.csv', '資料刪除紀錄', 'Deletion', DeletionLineSchema),
] as const;

export type RecordType = (typeof RECORD_TYPES)[number]['type'];

const BY_TYPE = new Map<string, RecordTypeSpec>(RECORD_TYPES.map((entry) => [entry.type, entry]));
const BY_FILE = new Map<string, RecordTypeSpec>(RECORD_TYPES.map((entry) => [entry.csvFile, entry]));

export const RECORD_TYPE_NAMES: readonly string[] = RECORD_TYPES.map((entry) => entry.type);
export const CSV_FILE_NAMES: readonly string[] = RECORD_TYPES.map((entry) => entry.csvFile);

export function recordTypeSpec(type: string): RecordTypeSpec | undefined {
  return BY_TYPE.get(type);
}

/** The record type a CSV file holds, by its name (case-insensitive, any folder). */
export function recordTypeForCsvFile(fileName: string): RecordTypeSpec | undefined {
  const base = fileName.split(/[\\/]/).at(-1)?.toLowerCase() ?? '';
  return BY_FILE.get(base);
}

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
  values?: unknown[];
  options?: { _zod: { def: Def } }[];
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The object definition under optional, default and transform wrappers. */
function objectDef(def: Def): Def {
  if (def.type === 'pipe' && def.in) return objectDef(defOf(def.in));
  return def;
}

function columnKind(def: Def): ColumnKind {
  switch (def.type) {
    case 'optional':
    case 'default':
      return columnKind(defOf(def.innerType));
    case 'pipe':
      return columnKind(defOf(def.in));
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'files';
    case 'literal':
      return def.values?.every((value) => typeof value === 'number') ? 'number' : 'string';
    default:
      return 'string';
  }
}

/** The fields of a record type as CSV columns (all but `type`, which the file name gives). */
export function columnsOf(entry: RecordTypeSpec): readonly Column[] {
  const shape = objectDef(defOf(entry.schema)).shape ?? {};
  return Object.entries(shape)
    .filter(([name]) => name !== 'type')
    .map(([name, field]) => {
      const def = defOf(field);
      return { name, kind: columnKind(def), required: def.type !== 'optional' && def.type !== 'default' };
    });
}

/** Looks through optional, default and list wrappers to the object inside. */
function unwrap(def: Def): Def {
  if (def.type === 'optional' || def.type === 'default') return unwrap(defOf(def.innerType));
  if (def.type === 'array') return unwrap(defOf(def.element));
  return def;
}

/** The field names a record type allows at a path (for did-you-mean on unknown fields). */
export function fieldsAt(entry: RecordTypeSpec, path: readonly PropertyKey[]): readonly string[] {
  let def = objectDef(defOf(entry.schema));
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    const next = unwrap(def).shape?.[String(segment)];
    if (!next) return [];
    def = defOf(next);
  }
  return Object.keys(unwrap(def).shape ?? {});
}
