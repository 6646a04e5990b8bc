import { origin, type Part, refuses, type Step } from '../decision/explanation';
import { perPack } from '../decision/per-pack';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { StudentKind } from '../records';
import type { FileRef, PortfolioItem } from '../records/items';
import { CAP_CODES } from './codes';
import type { Files } from './schema';
import { unreachable } from '../_lib/unreachable';

type FileRule = NonNullable<Files['document']>;

const FILE_RULE_SOURCE: Source = { document: '國教署函(109學年度起檔案規格)', clause: '檔案格式及大小' };

/** Who set a file rule: the layer and the clause, as {@link origin} finds them. */
type Cited = ReturnType<typeof origin>;

/** A kind's file rules as a check reads them, once per effective pack. */
interface FileRules {
  readonly path: string;
  readonly document: FileRule | undefined;
  readonly media: FileRule | undefined;
  readonly documentTypes: readonly string[];
  readonly mediaTypes: readonly string[];
  /** Every type allowed, documents first. */
  readonly allowed: readonly string[];
  readonly summaryMaxChars: number | undefined;
  /** Who set the allowed types: the upper layer of the two lists (a school's `types` narrow the national ones). */
  readonly typesFrom: Cited;
  readonly documentFrom: Cited;
  readonly mediaFrom: Cited;
  readonly summaryFrom: Cited;
  /** Who set the kind's rules as a whole: the upper layer of all of them, as the explanation step cites it. */
  readonly rulesFrom: Cited;
  /** The national rules that no pack value sets (a course outcome needs a summary and a file). */
  readonly nationalFrom: Cited;
}

/** Of several origins, the one set by the upper layer; the first among equals. */
function upper(effective: EffectivePack, origins: readonly Cited[]): Cited {
  const rank = (cited: Cited) => (cited.layer === undefined ? -1 : effective.layers.indexOf(cited.layer));
  return origins.reduce((best, cited) => (rank(cited) > rank(best) ? cited : best));
}

const fileRulesOf = perPack((effective: EffectivePack, kind: StudentKind): FileRules => {
  const rules = effective.values.files?.[kind];
  const documentTypes: readonly string[] = rules?.document?.types ?? [];
  const mediaTypes: readonly string[] = rules?.media?.types ?? [];
  const path = `files.${kind}`;
  const typesFrom = upper(effective, [
    origin(effective, `${path}.document.types`),
    origin(effective, `${path}.media.types`),
  ]);
  const documentFrom = origin(effective, `${path}.document.maxMegabytes`);
  const mediaFrom = origin(effective, `${path}.media.maxMegabytes`);
  const summaryFrom = origin(effective, `${path}.summaryMaxChars`);
  return {
    path,
    document: rules?.document,
    media: rules?.media,
    documentTypes,
    mediaTypes,
    allowed: Object.freeze([...documentTypes, ...mediaTypes]),
    summaryMaxChars: rules?.summaryMaxChars,
    typesFrom,
    documentFrom,
    mediaFrom,
    summaryFrom,
    rulesFrom: upper(effective, [origin(effective, path), typesFrom, documentFrom, mediaFrom, summaryFrom]),
    nationalFrom: { layer: effective.national.layer, source: FILE_RULE_SOURCE },
  };
});

const NO_FILES: readonly FileRef[] = [];

/** The rule a file falls under by its type: the document rule, the media rule, or none. */
function ruleOf(rules: FileRules, file: FileRef): FileRule | undefined {
  return rules.documentTypes.includes(file.type)
    ? rules.document
    : rules.mediaTypes.includes(file.type)
      ? rules.media
      : undefined;
}

/** One thing wrong with an item's files or summary. */
type FileProblem =
  | { readonly code: 'PR3010'; readonly file: FileRef }
  | { readonly code: 'PR3011'; readonly file: FileRef; readonly rule: FileRule; readonly media: boolean }
  | { readonly code: 'PR3012'; readonly length: number }
  | { readonly code: 'PR3013' }
  | { readonly code: 'PR3014' };

const SPEC = {
  PR3010: CAP_CODES.fileTypeNotAllowed,
  PR3011: CAP_CODES.fileTooLarge,
  PR3012: CAP_CODES.summaryTooLong,
  PR3013: CAP_CODES.summaryMissing,
  PR3014: CAP_CODES.fileMissing,
} as const;

const NO_PROBLEMS: readonly FileProblem[] = [];

/** A text's length in characters (code points), as a person counts them. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The file rules, the one place they are decided (要點; the national letter on file limits from
 * academic year 109): each file of a type a rule allows and within its size (a size that is not a
 * number is never within it), a summary within the pack's length, and for a course outcome a summary
 * and a file at all. A summary is never longer in characters than in UTF-16 units, so most are settled
 * without counting. Nothing is allocated when nothing is wrong. A request's item without a summary or
 * files has none; a dataset record that leaves them out does not say (`absentIsMissing` false).
 */
function fileProblems(rules: FileRules, item: PortfolioItem, absentIsMissing = true): readonly FileProblem[] {
  // No closure to add with: it would be allocated on every call, for every record of an audit.
  let problems: FileProblem[] | undefined;
  const files = item.files ?? NO_FILES;
  for (const file of files) {
    const rule = ruleOf(rules, file);
    if (rules.allowed.length > 0 && !rule) (problems ??= []).push({ code: 'PR3010', file });
    else if (rule?.maxMegabytes !== undefined && !(file.megabytes <= rule.maxMegabytes))
      (problems ??= []).push({ code: 'PR3011', file, rule, media: rule !== rules.document });
  }
  const summary = item.summary ?? '';
  const max = rules.summaryMaxChars;
  if (max !== undefined && summary.length > max) {
    const length = characters(summary);
    if (length > max) (problems ??= []).push({ code: 'PR3012', length });
  }
  if (item.kind === 'courseOutcome' && summary.length === 0 && (absentIsMissing || item.summary !== undefined))
    (problems ??= []).push({ code: 'PR3013' });
  if (item.kind === 'courseOutcome' && files.length === 0 && (absentIsMissing || item.files !== undefined))
    (problems ??= []).push({ code: 'PR3014' });
  return problems ?? NO_PROBLEMS;
}

/** The finding of one problem, the one place PR3010–PR3014 are built. */
function fileFinding(rules: FileRules, problem: FileProblem, subject: string): Finding {
  const { path, allowed } = rules;
  switch (problem.code) {
    case 'PR3010': {
      const cited = rules.typesFrom;
      const { file } = problem;
      return createFinding(
        CAP_CODES.fileTypeNotAllowed,
        { file: file.name, type: file.type, allowed, ...(cited.source && { source: cited.source }) },
        { rule: `${path}.types`, subject, ...cited },
      );
    }
    case 'PR3011': {
      const from = problem.media ? rules.mediaFrom : rules.documentFrom;
      return createFinding(
        CAP_CODES.fileTooLarge,
        {
          file: problem.file.name,
          megabytes: problem.file.megabytes,
          maxMegabytes: problem.rule.maxMegabytes ?? unreachable('maxMegabytes'),
          ...(from.source && { source: from.source }),
        },
        { rule: `${path}.${problem.media ? 'media' : 'document'}`, subject, ...from },
      );
    }
    case 'PR3012': {
      const from = rules.summaryFrom;
      return createFinding(
        CAP_CODES.summaryTooLong,
        {
          length: problem.length,
          maxChars: rules.summaryMaxChars ?? unreachable('summaryMaxChars'),
          ...(from.source && { source: from.source }),
        },
        { rule: `${path}.summaryMaxChars`, subject, ...from },
      );
    }
    case 'PR3013':
      return createFinding(
        CAP_CODES.summaryMissing,
        { source: FILE_RULE_SOURCE },
        { rule: `${path}.summary`, subject, ...rules.nationalFrom },
      );
    default:
      return createFinding(
        CAP_CODES.fileMissing,
        { source: FILE_RULE_SOURCE },
        { rule: `${path}.file`, subject, ...rules.nationalFrom },
      );
  }
}

/** Types, sizes and the summary (要點; the national letter on file limits from academic year 109). */
export function checkFiles(effective: EffectivePack, item: PortfolioItem): Part {
  const rules = fileRulesOf(effective, item.kind);
  const findings = fileProblems(rules, item).map((problem) => fileFinding(rules, problem, item.id));
  const maxChars = rules.summaryMaxChars;
  const data = {
    files: (item.files ?? NO_FILES).length,
    summaryLength: characters(item.summary ?? ''),
    ...(maxChars !== undefined && { summaryMaxChars: maxChars }),
    allowed: rules.allowed,
  };
  const detail =
    findings.length === 0
      ? { 'zh-TW': '檔案類型、大小及簡述皆符合規定', en: 'file types, sizes and the summary are within the rules' }
      : {
          'zh-TW': `檔案或簡述有 ${findings.length} 項不符`,
          en: `${findings.length} problem(s) with the files or the summary`,
        };
  const step: Step = {
    rule: rules.path,
    outcome: findings.length === 0 ? 'passed' : 'failed',
    ...rules.rulesFrom,
    detail,
    data,
  };
  return { steps: [step], findings };
}

/** The verdict of {@link checkFiles} without its steps and findings. */
export function filesAllow(effective: EffectivePack, item: PortfolioItem): boolean {
  return !fileProblems(fileRulesOf(effective, item.kind), item).some((problem) => refuses(SPEC[problem.code]));
}

/**
 * The judge of the files and summary of records of a kind, as the audit reads them: judged as
 * {@link checkFiles} judges an upload, but what a record leaves out is not known to be missing. The
 * rules are looked up once, for every record of a term; no findings are the same empty list.
 */
export function fileJudge(effective: EffectivePack, kind: StudentKind): (item: PortfolioItem) => readonly Finding[] {
  const rules = fileRulesOf(effective, kind);
  return (item) => {
    if (item.files === undefined && item.summary === undefined) return NO_FINDINGS;
    const problems = fileProblems(rules, item, false);
    return problems.length === 0 ? NO_FINDINGS : problems.map((problem) => fileFinding(rules, problem, item.id));
  };
}

const NO_FINDINGS: readonly Finding[] = [];
