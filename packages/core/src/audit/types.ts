import type { IntakeSummary } from '../dataset';
import type { Finding } from '../catalogue';
import type { FindingBase } from '../findings/types';

/** Counts of one group (a school, a grade, a class) in the audit's statistics, after seed 004's table. */
export interface GroupStatistics {
  readonly students: number;
  /** Students with at least one course outcome uploaded. */
  readonly uploaders: number;
  /** uploaders / students, 0–1 (0 when there are no students). */
  readonly uploadRate: number;
  readonly courseOutcomes: number;
  readonly diversePerformances: number;
  /** Course outcomes and diverse performances per student. */
  readonly itemsPerStudent: number;
  /** Course outcomes by certification state. */
  readonly certification: Readonly<Record<'draft' | 'submitted' | 'certified' | 'rejected', number>>;
  /** Items chosen for the central database. */
  readonly selected: { readonly courseOutcome: number; readonly diversePerformance: number };
  readonly consultations: number;
}

export interface AuditStatistics {
  readonly school: GroupStatistics;
  /** Keyed by grade: `1`, `2`, `3`. */
  readonly byGrade: Readonly<Record<string, GroupStatistics>>;
  /** Keyed by class as the data writes it, e.g. `101`. */
  readonly byClass: Readonly<Record<string, GroupStatistics>>;
  /** Certifications still pending after their deadline, by certifying teacher. */
  readonly overdueByTeacher: Readonly<Record<string, number>>;
  /** Findings per code. */
  readonly findingsByCode: Readonly<Record<string, number>>;
}

/**
 * What `audit` says about one school's pack and data: the contract the formatters render. Its
 * findings are core's; a tool that adds its own (the CLI's PR9xxx) widens them with `F`.
 */
export interface AuditResult<F extends FindingBase = Finding> {
  /** The pack's id (and school name, when it has one). */
  readonly pack: { readonly id: string; readonly name: string; readonly school?: string; readonly file?: string };
  /** The school the data is about (the records' `school` field), when the data names one. */
  readonly school?: string;
  /** The day the audit judged the data as of (`--as-of`). */
  readonly asOf: string;
  /** Findings about the pack itself (validate + completeness) and about the data, most severe first. */
  readonly findings: readonly F[];
  /** `read N = checked C + rejected R`; absent when the audit ran without data. */
  readonly intake?: IntakeSummary;
  /** Absent when the audit ran without data. */
  readonly statistics?: AuditStatistics;
  /** When the data holds several schools: each school's own result, by school id; the fields above then add them up. */
  readonly schools?: readonly AuditResult<F>[];
}
