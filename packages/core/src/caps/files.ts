import { origin, type Part, refuses, type Step } from '../decision/explanation';
import { perPack } from '../decision/per-pack';
import { createFinding } from '../findings/define';
import type { Finding, Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import type { StudentKind } from '../records';
import type { FileRef, PortfolioItem } from '../records/items';
import { CAP_CODES } from './codes';
import type { Files } from './schema';

type FileRule = NonNullable<Files['document']>;

/** A kind's file rules as a check reads them, once per effective pack. */
interface FileRules {
  readonly path: string;
  readonly document?: FileRule;
  readonly media?: FileRule;
  readonly documentTypes: readonly string[];
  readonly mediaTypes: readonly string[];
  /** Every type allowed, documents first. */
  readonly allowed: readonly string[];
  readonly summaryMaxChars?: number;
}

const fileRulesOf = perPack((effective: EffectivePack, kind: StudentKind): FileRules => {
  const rules = effective.values.files?.[kind];
  const documentTypes: readonly string[] = rules?.document?.types ?? [];
  const mediaTypes: readonly string[] = rules?.media?.types ?? [];
  return {
    path: `files.${kind}`,
    document: rules?.document,
    media: rules?.media,
    documentTypes,
    mediaTypes,
    allowed: Object.freeze([...documentTypes, ...mediaTypes]),
    summaryMaxChars: rules?.summaryMaxChars,
  };
});

const NO_FILES: readonly FileRef[] = [];
const FILE_RULE_SOURCE: Source = { document: '國教署函(109學年度起檔案規格)', clause: '檔案格式及大小' };

/** The rule a file falls under by its type: the document rule, the media rule, or none. */
function ruleOf(rules: FileRules, file: FileRef): FileRule | undefined {
  return rules.documentTypes.includes(file.type)
    ? rules.document
    : rules.mediaTypes.includes(file.type)
      ? rules.media
      : undefined;
}

/** What is wrong with one file, if anything: a type no rule allows, or a size over its rule's maximum. */
function fileProblem(
  rules: FileRules,
  rule: FileRule | undefined,
  file: FileRef,
): typeof CAP_CODES.fileTypeNotAllowed | typeof CAP_CODES.fileTooLarge | undefined {
  if (rules.allowed.length > 0 && !rule) return CAP_CODES.fileTypeNotAllowed;
  if (rule?.maxMegabytes !== undefined && file.megabytes > rule.maxMegabytes) return CAP_CODES.fileTooLarge;
  return undefined;
}

/** A text's length in characters (code points), as a person counts them. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Over the cap: a summary is never longer in characters than in UTF-16 units, so most are settled without counting. */
const summaryTooLong = (rules: FileRules, summary: string): boolean =>
  rules.summaryMaxChars !== undefined &&
  summary.length > rules.summaryMaxChars &&
  characters(summary) > rules.summaryMaxChars;

/** Types, sizes and the summary (要點; the national letter on file limits from academic year 109). */
export function checkFiles(effective: EffectivePack, item: PortfolioItem): Part {
  const rules = fileRulesOf(effective, item.kind);
  const { path, allowed } = rules;
  const cited = origin(effective, path);
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const subject = item.id;
  const files = item.files ?? NO_FILES;
  for (const file of files) {
    const rule = ruleOf(rules, file);
    const problem = fileProblem(rules, rule, file);
    const ruleName = `${path}.${rule === rules.document ? 'document' : 'media'}`;
    if (problem === CAP_CODES.fileTypeNotAllowed) {
      findings.push(
        createFinding(
          problem,
          { file: file.name, type: file.type, allowed, ...(cited.source && { source: cited.source }) },
          { rule: `${path}.types`, subject, ...cited },
        ),
      );
    } else if (problem === CAP_CODES.fileTooLarge) {
      const from = origin(effective, ruleName);
      findings.push(
        createFinding(
          problem,
          {
            file: file.name,
            megabytes: file.megabytes,
            maxMegabytes: rule!.maxMegabytes!,
            ...(from.source && { source: from.source }),
          },
          { rule: ruleName, subject, ...from },
        ),
      );
    }
  }
  const maxChars = rules.summaryMaxChars;
  const summary = item.summary ?? '';
  const length = characters(summary);
  if (summaryTooLong(rules, summary)) {
    const from = origin(effective, `${path}.summaryMaxChars`);
    findings.push(
      createFinding(
        CAP_CODES.summaryTooLong,
        { length, maxChars: maxChars!, ...(from.source && { source: from.source }) },
        { rule: `${path}.summaryMaxChars`, subject, ...from },
      ),
    );
  }
  if (item.kind === 'courseOutcome' && length === 0)
    findings.push(
      createFinding(
        CAP_CODES.summaryMissing,
        { source: FILE_RULE_SOURCE },
        { rule: `${path}.summary`, subject, source: FILE_RULE_SOURCE },
      ),
    );
  if (item.kind === 'courseOutcome' && files.length === 0)
    findings.push(
      createFinding(
        CAP_CODES.fileMissing,
        { source: FILE_RULE_SOURCE },
        { rule: `${path}.file`, subject, source: FILE_RULE_SOURCE },
      ),
    );
  const data = {
    files: files.length,
    summaryLength: length,
    ...(maxChars !== undefined && { summaryMaxChars: maxChars }),
    allowed,
  };
  const detail =
    findings.length === 0
      ? { 'zh-TW': '檔案類型、大小及簡述皆符合規定', en: 'file types, sizes and the summary are within the rules' }
      : {
          'zh-TW': `檔案或簡述有 ${findings.length} 項不符`,
          en: `${findings.length} problem(s) with the files or the summary`,
        };
  steps.push({ rule: path, outcome: findings.length === 0 ? 'passed' : 'failed', ...cited, detail, data });
  return { steps, findings };
}

/** The verdict of {@link checkFiles} without its steps and findings. */
export function filesAllow(effective: EffectivePack, item: PortfolioItem): boolean {
  const rules = fileRulesOf(effective, item.kind);
  const files = item.files ?? NO_FILES;
  for (const file of files) {
    const problem = fileProblem(rules, ruleOf(rules, file), file);
    if (problem !== undefined && refuses(problem)) return false;
  }
  const summary = item.summary ?? '';
  if (summaryTooLong(rules, summary) && refuses(CAP_CODES.summaryTooLong)) return false;
  if (item.kind !== 'courseOutcome') return true;
  return !(
    (summary === '' && refuses(CAP_CODES.summaryMissing)) ||
    (files.length === 0 && refuses(CAP_CODES.fileMissing))
  );
}
