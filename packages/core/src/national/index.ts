import type { Pack } from '../pack/schema';
import { compareTerms, type Term } from '../term';
import type { Source } from '../findings/types';

/** A bound the national rules put on what a school may set. */
export type NationalBound =
  | {
      /** A cap no school may raise: compared per period (a per-semester cap counts twice in a year). */
      readonly kind: 'capMax';
      readonly path: string;
      readonly max: number;
      readonly per: 'semester' | 'academicYear';
      readonly source: Source;
    }
  | {
      /** A number no school may lower (days, meetings, years). */
      readonly kind: 'min';
      readonly path: string;
      readonly min: number;
      readonly source: Source;
    };

export interface NationalVersion {
  /** The layer name, `national@<effective date>`. */
  readonly layer: string;
  readonly effectiveDate: string;
  /** The first term it governs; it governs until the next version's first term. */
  readonly firstTerm: Term;
  readonly title: { readonly 'zh-TW': string; readonly en: string };
  /** The national rules as a pack, the bottom layer every school pack merges onto. */
  readonly pack: Pack;
  readonly bounds: readonly NationalBound[];
}

const GUIDELINES = '作業要點';
const FAQ = '學習歷程檔案QA';
const FILE_LETTER = '國教署函(109學年度起檔案規格)';
const PLATFORM_MANUAL = '學習歷程平臺操作手冊';
const SEAL_LETTER = '國教署111年9月23日函';

const src = (document: string, clause: string): Source => ({ document, clause });

/** The same file rules for course outcomes and diverse performances. */
const portfolioFiles = {
  document: { types: ['pdf', 'jpg', 'png'], maxMegabytes: 4 },
  media: { types: ['mp3', 'mp4'], maxMegabytes: 10 },
  summaryMaxChars: 100,
  source: src(FILE_LETTER, '檔案格式及大小'),
} satisfies NonNullable<Pack['files']>['courseOutcome'];

const sharedPack = {
  id: 'national',
  name: '高級中等學校學生學習歷程檔案作業要點',
  document: GUIDELINES,
  files: { courseOutcome: portfolioFiles, diversePerformance: portfolioFiles },
  // The platform manual's defaults: the course-outcome roster locks the student side at once (4-2 4),
  // the diverse-performance roster may (4-3 3).
  submissionLock: {
    courseOutcome: { locks: 'always', source: src(PLATFORM_MANUAL, '4-2 4') },
    diversePerformance: { locks: 'optional', source: src(PLATFORM_MANUAL, '4-3 3') },
  },
  receipts: { confirmationDays: 3, source: src(FAQ, '一(十)') },
  governance: { meetings: { perSemester: 1, source: src(FAQ, '一(二)') } },
} satisfies Partial<Pack>;

const diversePerformanceSelect: {
  max: number;
  per: 'academicYear';
  exempt: ('schoolEntered' | 'bulkImport')[];
  source: Source;
} = {
  max: 10,
  per: 'academicYear',
  // Only what the school enters (cadre records) is exempt; bulk-imported records sit among the student's own (seed 002, 4-4 5, 4-5 2).
  exempt: ['schoolEntered'],
  source: src(GUIDELINES, '多元表現勾選件數'),
};

/** The bounds every version puts on the shared rules above: no school may raise or lower them. */
const sharedBounds: NationalBound[] = [
  {
    kind: 'capMax',
    path: 'caps.diversePerformance.select',
    max: diversePerformanceSelect.max,
    per: diversePerformanceSelect.per,
    source: diversePerformanceSelect.source,
  },
  {
    kind: 'min',
    path: 'receipts.confirmationDays',
    min: sharedPack.receipts.confirmationDays,
    source: sharedPack.receipts.source,
  },
  {
    kind: 'min',
    path: 'governance.meetings.perSemester',
    min: sharedPack.governance.meetings.perSemester,
    source: sharedPack.governance.meetings.source,
  },
];

interface VersionSpec {
  readonly effectiveDate: string;
  readonly firstTerm: Term;
  readonly title: NationalVersion['title'];
  /** The course-outcome cap of this version; no school may raise it. */
  readonly courseOutcomeSelect: {
    readonly max: number;
    readonly per: 'semester' | 'academicYear';
    readonly source: Source;
  };
  /** Sealing of graduates' files, where this version rules on it; no school may keep them shorter. */
  readonly retention?: NonNullable<Pack['retention']> & { readonly sealYears: number; readonly source: Source };
}

/** One national version: the shared rules, its own cap and retention, and the bounds they imply. */
function nationalVersion({
  effectiveDate,
  firstTerm,
  title,
  courseOutcomeSelect,
  retention,
}: VersionSpec): NationalVersion {
  return {
    layer: `national@${effectiveDate}`,
    effectiveDate,
    firstTerm,
    title,
    pack: {
      ...sharedPack,
      caps: {
        courseOutcome: { select: courseOutcomeSelect },
        diversePerformance: { select: diversePerformanceSelect },
      },
      ...(retention ? { retention } : {}),
    },
    bounds: [
      { kind: 'capMax', path: 'caps.courseOutcome.select', ...courseOutcomeSelect },
      ...(retention
        ? [{ kind: 'min' as const, path: 'retention.sealYears', min: retention.sealYears, source: retention.source }]
        : []),
      ...sharedBounds,
    ],
  };
}

/**
 * The national baseline, one version per effective date (docs/sources.md, docs/reference/caps.md). The reform's first term,
 * 11101, is our best reading (uncertain): the vendor manual still shows 3 per semester, Magong's
 * amendment of 2022-06-15 already uses 6 per academic year.
 */
export const NATIONAL_VERSIONS: readonly NationalVersion[] = [
  nationalVersion({
    effectiveDate: '2019-08-01',
    firstTerm: { year: 108, semester: 1 },
    title: {
      'zh-TW': '作業要點 (108 課綱初版：課程學習成果每學期勾選 3 件)',
      en: 'National guidelines, pre-reform (3 course outcomes selected per semester)',
    },
    courseOutcomeSelect: { max: 3, per: 'semester', source: src(GUIDELINES, '課程學習成果勾選件數 (108學年度)') },
  }),
  nationalVersion({
    effectiveDate: '2022-08-01',
    firstTerm: { year: 111, semester: 1 },
    title: {
      'zh-TW': '作業要點 (修正後：課程學習成果每學年勾選 6 件)',
      en: 'National guidelines, current (6 course outcomes selected per academic year)',
    },
    courseOutcomeSelect: { max: 6, per: 'academicYear', source: src(GUIDELINES, '課程學習成果勾選件數 (111學年度起)') },
    retention: { sealYears: 5, afterSeal: 'mayDelete', source: src(SEAL_LETTER, '畢業生資料封存') },
  }),
];

export function nationalVersionFor(term: Term): NationalVersion | undefined {
  return NATIONAL_VERSIONS.filter((version) => compareTerms(version.firstTerm, term) <= 0).at(-1);
}

/** The national versions in force at some point between two terms (either end open). */
export function nationalVersionsBetween(from: Term | undefined, until: Term | undefined): NationalVersion[] {
  const first = from ? nationalVersionFor(from) : NATIONAL_VERSIONS[0];
  const startIndex = first ? NATIONAL_VERSIONS.indexOf(first) : 0;
  return NATIONAL_VERSIONS.slice(startIndex).filter((version) => !until || compareTerms(version.firstTerm, until) <= 0);
}
