import type { PlainDate } from '../_lib/date';
import type { SchoolCalendar } from '../calendar/schema';
import type { DatasetRecord } from '../dataset/parse';
import type { FindingBase, Position, Severity } from '../findings/types';
import type { GovernanceEvidence } from '../governance';
import type { Resolution } from '../layering';
import { addRecord, judgeDecisions } from './add';
import { certificationFindings } from './certification';
import { ruleFindings } from './rules';
import { schoolFindings } from './school';
import { createState, type AuditState } from './state';
import { statisticsOf } from './statistics';
import { studentFindings } from './students';
import { createTermCache } from './terms';
import type { AuditResult } from './types';

export { AUDIT_CODES } from './codes';
export { mergeAudits } from './merge';
export type { AuditResult, AuditStatistics, GroupStatistics } from './types';

export interface AuditOptions {
  /** The day the data is judged as of (`--as-of`): what is overdue, which terms are whole. */
  readonly asOf: PlainDate;
  /** The school calendars, one per academic year, that resolve the windows (certification deadlines). */
  readonly calendar?: SchoolCalendar | readonly SchoolCalendar[];
  /** The governance evidence log (meetings, trainings) besides the data's own meeting and training records. */
  readonly evidence?: GovernanceEvidence;
  /** The pack file, for the result. */
  readonly file?: string;
  /** The school the data is about, when the data names one. */
  readonly school?: string;
}

/** A streaming audit of one school's data. */
export interface Audit {
  /** Takes one record; records may come in any order. `position` places the findings it causes. */
  add(record: DatasetRecord, position?: Position): void;
  /** Judges what needs every record (caps, deadlines, disputes …) and returns the result. Call once: the audit lets go of its memory then, and takes no more records. */
  finish(): AuditResult;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Most severe first, then by code, subject, place and data: the same findings always print in the same order. */
export function sortFindings<F extends FindingBase>(findings: readonly F[]): F[] {
  const keyed = findings.map((finding) => ({
    finding,
    key: `${RANK[finding.severity]}\u0000${finding.code}\u0000${finding.subject}\u0000${finding.position?.file ?? ''}\u0000${String(finding.position?.line ?? 0).padStart(10, '0')}\u0000${finding.rule}\u0000${JSON.stringify(finding.data)}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ finding }) => finding);
}

/**
 * Audits a school's data against its pack, streaming: memory holds integers per student and per
 * student-term and four per course outcome (its certifier and term), never the records.
 * Pure: the same records, in any order, give the same result.
 */
export function createAudit(resolution: Resolution, options: AuditOptions): Audit {
  const calendars =
    options.calendar === undefined
      ? []
      : Array.isArray(options.calendar)
        ? (options.calendar as readonly SchoolCalendar[])
        : [options.calendar as SchoolCalendar];
  // Let go of at finish(), so that a caller holding several audits (one per school) frees each one's rows as it finishes.
  let live: AuditState | undefined = createState(
    resolution,
    options.asOf,
    createTermCache(resolution, calendars),
    calendars.length > 0,
    options.evidence,
  );
  const first = resolution.versions[0];
  const current = (): AuditState => {
    if (!live) throw new Error('audit already finished');
    return live;
  };
  return {
    add(record, position) {
      addRecord(current(), record, position);
    },
    finish() {
      const state = current();
      live = undefined;
      const findings = [...state.findings];
      const overdue = new Map<string, number>();
      judgeDecisions(state);
      studentFindings(state, findings, overdue);
      certificationFindings(state, findings);
      schoolFindings(state, findings);
      ruleFindings(state, findings);
      const sorted = sortFindings(findings);
      return {
        pack: {
          id: first?.id ?? '',
          name: first?.name ?? '',
          ...(first?.school !== undefined && { school: first.school }),
          ...(options.file !== undefined && { file: options.file }),
        },
        ...(options.school !== undefined && { school: options.school }),
        asOf: options.asOf,
        findings: sorted,
        statistics: statisticsOf(state, sorted, overdue),
      };
    },
  };
}
