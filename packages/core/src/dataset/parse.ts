import { suggest } from '../_lib/suggest';
import { createFinding, type FindingContext } from '../findings/define';
import type { Finding } from '../catalogue';
import { DATASET_CODES } from './codes';
import { compile, FAIL } from './fast';
import { issueFinding, typeOfValue } from './issues';
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordTypeSpec } from './registry';
import type {
  CadreRecord,
  CertificationEventRecord,
  ConsultationRecord,
  CourseRecordRecord,
  DeletionRecord,
  EnrolmentChangeRecord,
  MeetingRecord,
  ReceiptRecord,
  SubmissionRecord,
  TrainingRecord,
} from './school-records';
import type { CourseOutcomeRecord, DiversePerformanceRecord, StudentRecord } from './student-records';

/** One dataset record, told apart by `type`. */
export type DatasetRecord =
  | StudentRecord
  | CourseOutcomeRecord
  | DiversePerformanceRecord
  | CadreRecord
  | CourseRecordRecord
  | ConsultationRecord
  | CertificationEventRecord
  | SubmissionRecord
  | ReceiptRecord
  | MeetingRecord
  | TrainingRecord
  | EnrolmentChangeRecord
  | DeletionRecord;

/**
 * A line read into a record, or the one finding that says why it was rejected. A record read by an
 * intake may carry a `conflict`: another record read before it has its id and other content (PR8022).
 */
export type ParseResult =
  | { readonly ok: true; readonly record: DatasetRecord; readonly conflict?: Finding }
  | { readonly ok: false; readonly finding: Finding };

export interface ParseOptions {
  /** The file the line comes from, for the finding's position. */
  readonly file?: string;
}

export function lineContext(lineNumber: number, options: ParseOptions): FindingContext {
  return {
    rule: 'dataset.record',
    subject: `line ${lineNumber}`,
    position: {
      ...(options.file !== undefined && { file: options.file }),
      line: lineNumber,
      column: 1,
      record: lineNumber,
    },
  };
}

interface TypeReader {
  readonly spec: RecordTypeSpec;
  readonly fast: ((value: unknown) => unknown) | undefined;
}

/** Each record type's spec and compiled reader, found with one lookup per line. */
const READERS = new Map<string, TypeReader>(
  RECORD_TYPES.map((spec) => [spec.type, { spec: spec, fast: compile(spec.schema) }]),
);

/**
 * Reads a value the caller owns (the fast path changes it in place). For zod to say why a value
 * failed, the value as it was is `original`, or parsed again from `text` when given.
 */
function readOwned(
  value: unknown,
  text: string | undefined,
  original: unknown,
  lineNumber: number,
  options: ParseOptions,
  owned: boolean,
): ParseResult {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  const reader = typeof type === 'string' ? READERS.get(type) : undefined;
  if (reader) {
    const entry = reader.spec;
    const fast = owned && reader.fast ? reader.fast(value) : FAIL;
    if (fast !== FAIL) return { ok: true, record: fast as DatasetRecord };
    const pristine = text === undefined ? original : (JSON.parse(text) as unknown);
    const parsed = entry.schema.safeParse(pristine);
    if (parsed.success) return { ok: true, record: parsed.data as DatasetRecord };
    return {
      ok: false,
      finding: issueFinding(parsed.error.issues, entry, pristine, lineNumber, lineContext(lineNumber, options)),
    };
  }
  const context = lineContext(lineNumber, options);
  const reject = (finding: Finding): ParseResult => ({ ok: false, finding });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject(
      createFinding(DATASET_CODES.notAnObject, { line: lineNumber, received: typeOfValue(value) }, context),
    );
  }
  if (type === undefined)
    return reject(createFinding(DATASET_CODES.missingField, { line: lineNumber, type: '', field: 'type' }, context));
  if (typeof type !== 'string')
    return reject(
      createFinding(
        DATASET_CODES.wrongType,
        { line: lineNumber, type: '', field: 'type', expected: 'string', received: typeOfValue(type) },
        context,
      ),
    );
  const suggestion = suggest(type, RECORD_TYPE_NAMES);
  return reject(
    createFinding(
      DATASET_CODES.unknownType,
      { line: lineNumber, type, known: RECORD_TYPE_NAMES, ...(suggestion && { suggestion }) },
      context,
    ),
  );
}

/** Checks a value already decoded (from JSON or a CSV row) against its type's schema. The value is not changed. */
export function parseRecordValue(value: unknown, lineNumber: number, options: ParseOptions = {}): ParseResult {
  if (typeof value !== 'object' || value === null) return readOwned(value, undefined, value, lineNumber, options, true);
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return readOwned(value, undefined, value, lineNumber, options, false); // not plain data (a function inside): zod alone
  }
  return readOwned(copy, undefined, value, lineNumber, options, true);
}

/**
 * Reads one NDJSON line into a typed record. Never throws: bad JSON, a non-object, an unknown
 * type, a missing field or a wrong value come back as one finding naming the line.
 * A blank line is rejected with a warning (PR8009) so that it is still counted.
 */
export function parseRecord(line: string, lineNumber: number, options: ParseOptions = {}): ParseResult {
  if (line.charCodeAt(0) !== 0x7b && line.trim() === '')
    return {
      ok: false,
      finding: createFinding(DATASET_CODES.blankLine, { line: lineNumber }, lineContext(lineNumber, options)),
    };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      finding: createFinding(DATASET_CODES.badJson, { line: lineNumber, detail }, lineContext(lineNumber, options)),
    };
  }
  return readOwned(value, line, undefined, lineNumber, options, true);
}
