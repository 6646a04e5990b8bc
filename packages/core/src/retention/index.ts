import { addYears, format } from 'date-fns';
import { compareDates, dateParts, type PlainDate } from '../_lib/date';
import { createFinding } from '../findings/define';
import type { RelatedSource, Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { minimumAt } from '../layering/minimum';
import type { Student } from '../records/items';
import { RETENTION_CODES } from './codes';

export { RETENTION_CODES } from './codes';
export { RetentionSchema, type Retention } from './schema';

/** A graduate's records over time: sealed from graduation, deletable (or to be deleted) when the seal ends. */
export interface RetentionPlan {
  readonly studentId: string;
  readonly graduatedOn: PlainDate;
  /** Sealed (封存) from graduation day. */
  readonly sealedFrom: PlainDate;
  readonly sealYears: number;
  /** The first day deletion is allowed: the `sealYears`th anniversary of graduation (29 February → 28 February). Absent when the pack says keep. */
  readonly deletableFrom?: PlainDate;
  readonly afterSeal: 'mayDelete' | 'mustDelete' | 'keep';
  readonly source?: Source;
  readonly layer?: string;
  /** The national seal, when the pack's equals it: cited beside the pack's clause. */
  readonly related?: readonly RelatedSource[];
}

function anniversary(date: PlainDate, years: number): PlainDate {
  const { year, month, day } = dateParts(date);
  return format(addYears(new Date(year, month - 1, day), years), 'yyyy-MM-dd');
}

/**
 * When a graduate's records are sealed and when they may be deleted (新竹補充規定 八; 國教署111年9月23日函:
 * sealed 5 years after graduation, then deletable). Undefined for a student who has not graduated, has
 * no graduation date, or when the rules in force set no seal (national versions before 2022-08-01).
 */
export function retentionOf(effective: EffectivePack, student: Student): RetentionPlan | undefined {
  const retention = effective.values.retention;
  if (student.status !== 'graduated' || student.graduatedOn === undefined || retention?.sealYears === undefined)
    return undefined;
  const afterSeal = retention.afterSeal ?? 'mayDelete';
  // A pack that shortens the seal loosens a national minimum (PR2003): the national years apply.
  const cited = afterSeal === 'mayDelete' ? 'retention.sealYears' : 'retention.afterSeal';
  const provenance = minimumAt(effective, 'retention.sealYears', cited) ?? { min: retention.sealYears };
  const sealYears = provenance.min;
  return {
    studentId: student.id,
    graduatedOn: student.graduatedOn,
    sealedFrom: student.graduatedOn,
    sealYears,
    ...(afterSeal !== 'keep' && { deletableFrom: anniversary(student.graduatedOn, sealYears) }),
    afterSeal,
    ...(provenance.source && { source: provenance.source }),
    ...(provenance.layer !== undefined && { layer: provenance.layer }),
    ...(provenance.related && { related: provenance.related }),
  };
}

export interface RetentionCheck {
  /** The day the student's records were deleted, if they were. */
  readonly deletedOn?: PlainDate;
  /** The day of the check. */
  readonly at: PlainDate;
}

/**
 * Flags records deleted before the seal ended (or at all when the pack says keep, or of a student who
 * has not graduated), and records still kept after the seal when the pack says they must be deleted.
 */
export function checkRetention(effective: EffectivePack, student: Student, check: RetentionCheck): Finding[] {
  const base = { rule: 'retention', subject: student.id };
  const deleted =
    check.deletedOn !== undefined && compareDates(check.deletedOn, check.at) <= 0 ? check.deletedOn : undefined;
  if (student.status === 'graduated' && student.graduatedOn === undefined)
    return [createFinding(RETENTION_CODES.noGraduationDate, { studentId: student.id }, base)];
  if (student.status !== 'graduated') {
    return deleted === undefined
      ? []
      : [
          createFinding(
            RETENTION_CODES.deletedNotGraduated,
            { studentId: student.id, status: student.status, deletedOn: deleted },
            base,
          ),
        ];
  }
  const plan = retentionOf(effective, student);
  if (!plan) return [];
  const context = {
    ...base,
    ...(plan.source && { source: plan.source }),
    ...(plan.layer && { layer: plan.layer }),
    ...(plan.related && { related: plan.related }),
  };
  const facts = { studentId: student.id, graduatedOn: plan.graduatedOn, sealYears: plan.sealYears };
  if (deleted !== undefined && (plan.deletableFrom === undefined || compareDates(deleted, plan.deletableFrom) < 0)) {
    return [
      createFinding(
        RETENTION_CODES.deletedTooEarly,
        { ...facts, deletedOn: deleted, ...(plan.deletableFrom && { deletableFrom: plan.deletableFrom }) },
        context,
      ),
    ];
  }
  if (
    deleted === undefined &&
    plan.afterSeal === 'mustDelete' &&
    plan.deletableFrom !== undefined &&
    compareDates(check.at, plan.deletableFrom) > 0
  ) {
    return [
      createFinding(
        RETENTION_CODES.keptPastPeriod,
        { ...facts, deletableFrom: plan.deletableFrom, at: check.at },
        context,
      ),
    ];
  }
  return [];
}
