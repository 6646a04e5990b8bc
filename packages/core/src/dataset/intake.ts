import type { Finding } from '../catalogue';
import type { Localized, Severity } from '../findings/types';
import { createFinding } from '../findings/define';
import { DATASET_CODES } from './codes';
import { createRecordIndex } from './duplicates';
import { lineContext, parseRecord, type ParseOptions, type ParseResult } from './parse';
import { unreachable } from '../_lib/unreachable';

export interface Rejection {
  readonly file?: string;
  readonly line: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: Localized;
}

/** The accounting of a run: every line read is either checked or rejected (`read = checked + rejected`). */
export interface IntakeSummary {
  readonly read: number;
  readonly checked: number;
  readonly rejected: number;
  /** The rejected lines in input order, up to the listing limit. */
  readonly rejections: readonly Rejection[];
  /** Rejected lines beyond the listing limit: counted in `rejected` and `byCode`, not listed. */
  readonly unlisted: number;
  /** Rejected lines per code. */
  readonly byCode: Readonly<Record<string, number>>;
}

export interface Intake {
  /** Reads one NDJSON line and counts it. */
  accept(line: string, lineNumber: number, options?: ParseOptions): ParseResult;
  /** Counts a line parsed elsewhere (a CSV row). */
  count(result: ParseResult, lineNumber: number, options?: ParseOptions): ParseResult;
  /**
   * Rejects a line already counted as checked whose record then failed where it was taken (an
   * unexpected error in the audit): it moves from checked to rejected, so `read = checked + rejected` still holds.
   */
  reject(finding: Finding, lineNumber: number, options?: ParseOptions): void;
  summary(): IntakeSummary;
}

export interface IntakeOptions {
  /** How many rejections to list; the rest are only counted (memory stays bounded). Default 10,000. */
  readonly listLimit?: number;
  /**
   * Compare each record with those read before (default true): an exact repeat is rejected with a
   * warning (PR8021, counted once); a record with the id of an earlier one and other content is
   * checked and carries a `conflict` (PR8022). See createRecordIndex.
   */
  readonly duplicates?: boolean;
}

/**
 * A pure accumulator for the `read N = checked C + rejected R` line: blank lines are read and
 * rejected (PR8009, a warning), so nothing in the input goes uncounted. Exact repeats of a record
 * are rejected with a warning too (PR8021): they are counted once.
 */
export function createIntake(options: IntakeOptions = {}): Intake {
  const listLimit = options.listLimit ?? 10_000;
  let read = 0;
  let checked = 0;
  let unlisted = 0;
  const rejections: Rejection[] = [];
  const byCode: Record<string, number> = {};
  const list = (finding: Finding, lineNumber: number, parse: ParseOptions) => {
    const { code, severity, message } = finding;
    byCode[code] = (byCode[code] ?? 0) + 1;
    if (rejections.length < listLimit)
      rejections.push({
        ...(parse.file !== undefined && { file: parse.file }),
        line: lineNumber,
        code,
        severity,
        message,
      });
    else unlisted++;
  };
  const index = options.duplicates === false ? undefined : createRecordIndex();
  /** A checked record compared with those before it: a repeat becomes a rejection, a conflict is said. */
  const compared = (result: ParseResult & { ok: true }, lineNumber: number, parse: ParseOptions): ParseResult => {
    const sighting = (index ?? unreachable('the record index')).see(result.record);
    if (sighting === 'new') return result;
    const { record } = result;
    const id = 'id' in record && record.id !== undefined ? record.id : undefined;
    const context = lineContext(lineNumber, parse);
    return sighting === 'repeat'
      ? {
          ok: false,
          finding: createFinding(
            DATASET_CODES.repeatedRecord,
            { line: lineNumber, type: record.type, ...(id !== undefined && { id }) },
            context,
          ),
        }
      : {
          ...result,
          conflict: createFinding(
            DATASET_CODES.conflictingRecords,
            { line: lineNumber, type: record.type, id: id ?? '' },
            context,
          ),
        };
  };
  const count = (given: ParseResult, lineNumber: number, parse: ParseOptions = {}): ParseResult => {
    const result = given.ok && index ? compared(given, lineNumber, parse) : given;
    read++;
    if (result.ok) checked++;
    else list(result.finding, lineNumber, parse);
    return result;
  };
  return {
    accept: (line, lineNumber, parse) => count(parseRecord(line, lineNumber, parse), lineNumber, parse),
    count,
    reject(finding, lineNumber, parse = {}) {
      checked--;
      list(finding, lineNumber, parse);
    },
    summary: () => ({
      read,
      checked,
      rejected: read - checked,
      rejections: [...rejections],
      unlisted,
      byCode: { ...byCode },
    }),
  };
}
