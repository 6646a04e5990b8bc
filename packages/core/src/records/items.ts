import type { PlainDate } from '../_lib/date';
import type { TermCode } from '../term';
import type { Division } from '../units';
import type { DiversePerformanceCategory, EntrySource, FileType, Grade } from './index';

/** Certification states (seed 002, 4-7): 草稿 → 送審 → 認證成功 | 認證失敗. */
export const CERTIFICATION_STATES = ['draft', 'submitted', 'certified', 'rejected'] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

export const STUDENT_STATUSES = ['enrolled', 'graduated', 'left', 'suspended'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export interface Student {
  readonly id: string;
  readonly grade: Grade;
  readonly class?: string | undefined;
  readonly division?: Division | undefined;
  readonly status: StudentStatus;
  /** For graduates: the day they graduated (starts the retention seal). */
  readonly graduatedOn?: PlainDate | undefined;
  /** For students who left (transfer out, withdrawal): the day they left. */
  readonly leftOn?: PlainDate | undefined;
  /** The school, when one dataset holds several (audits shard by school). */
  readonly school?: string | undefined;
}

export interface FileRef {
  readonly name: string;
  readonly type: FileType;
  readonly megabytes: number;
}

interface ItemBase {
  readonly id: string;
  readonly studentId: string;
  /** Who put it on the platform; school-entered items do not count against the student's own caps. */
  readonly entry: EntrySource;
  /** Chosen (勾選) for the central database. */
  readonly selected: boolean;
  /** Withdrawn or deleted by the student: it no longer counts. */
  readonly withdrawn?: boolean | undefined;
  readonly summary?: string | undefined;
  readonly files?: readonly FileRef[] | undefined;
  readonly uploadedOn?: PlainDate | undefined;
  /** The school, when one dataset holds several (audits shard by school). */
  readonly school?: string | undefined;
}

/** A course learning outcome (課程學習成果): uploaded per semester, certified by the course teacher. */
export interface CourseOutcome extends ItemBase {
  readonly kind: 'courseOutcome';
  readonly term: TermCode;
  readonly course: string;
  /** The course's department (科) and domain (領域), for the deputy chain 科內教師 → 領域教師 (馬公 九(三)). */
  readonly department?: string | undefined;
  readonly domain?: string | undefined;
  /** The course teacher assigned to certify it (may be reassigned, 更換認證教師). */
  readonly certifier: string;
  readonly state: CertificationState;
  readonly rejectionReason?: string | undefined;
  readonly certifiedBy?: string | undefined;
  readonly certifiedOn?: PlainDate | undefined;
  /** When the certifying teacher last revoked a certification (取消認證); the item must be resubmitted. */
  readonly revokedOn?: PlainDate | undefined;
}

/** A diverse performance (多元表現): uploaded per academic year. */
export interface DiversePerformance extends ItemBase {
  readonly kind: 'diversePerformance';
  /** The academic year (ROC) it belongs to. */
  readonly academicYear: number;
  readonly term?: TermCode | undefined;
  readonly category: DiversePerformanceCategory;
}

export type PortfolioItem = CourseOutcome | DiversePerformance;
