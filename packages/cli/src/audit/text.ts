import type { AuditResult, FindingBase, GroupStatistics, IntakeSummary, Language } from '@portfolio-rules/core';
import type { Output } from '../command';
import { auditFindings, type Tally, tallyOf } from '../formatters/checked';
import { inPieces } from '../formatters/pieces';
import { oneLine, showControls } from '../formatters/safe-text';
import { formatFinding } from '../formatters/stylish';

const TEXT = {
  'zh-TW': {
    statistics: (asOf: string) => `統計 (截至 ${asOf})`,
    school: '全校',
    grade: (grade: string) => `${grade} 年級`,
    klass: (name: string) => `${name} 班`,
    header: [
      '學生',
      '上傳人數',
      '上傳率',
      '課程成果',
      '多元表現',
      '每人件數',
      '認證成功',
      '認證失敗',
      '待認證',
      '草稿',
      '勾選成果',
      '勾選多元',
      '諮詢紀錄',
    ],
    overdue: '逾期未認證 (依教師)',
    rejected: '未讀入之資料列',
    unlisted: (count: number) => `… 另有 ${count} 列未列出`,
    tally: (errors: number, warnings: number, infos: number) => `${errors} 個錯誤、${warnings} 個警告、${infos} 個提示`,
    clean: '沒有問題',
    pack: '規定檔',
  },
  en: {
    statistics: (asOf: string) => `Statistics (as of ${asOf})`,
    school: 'school',
    grade: (grade: string) => `grade ${grade}`,
    klass: (name: string) => `class ${name}`,
    header: [
      'students',
      'uploaders',
      'rate',
      'outcomes',
      'diverse',
      'per student',
      'certified',
      'rejected',
      'submitted',
      'draft',
      'sel. outc.',
      'sel. div.',
      'consult.',
    ],
    overdue: 'Overdue certifications by teacher',
    rejected: 'Rejected lines',
    unlisted: (count: number) => `… and ${count} more not listed`,
    tally: (errors: number, warnings: number, infos: number) =>
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'}`,
    clean: 'no problems',
    pack: 'pack',
  },
} as const;

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

function row(name: string, group: GroupStatistics): string[] {
  const { certification: c, selected: s } = group;
  return [
    name,
    String(group.students),
    String(group.uploaders),
    percent(group.uploadRate),
    String(group.courseOutcomes),
    String(group.diversePerformances),
    group.itemsPerStudent.toFixed(2),
    String(c.certified),
    String(c.rejected),
    String(c.submitted),
    String(c.draft),
    String(s.courseOutcome),
    String(s.diversePerformance),
    String(group.consultations),
  ];
}

/** A table with right-aligned numbers, widths by the longest cell (CJK characters count double). */
function table(rows: readonly string[][]): string[] {
  const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((cells) => width(cells[column] ?? ''))));
  return rows.map((cells) =>
    cells
      .map((cell, column) =>
        column === 0
          ? cell + ' '.repeat((widths[column] ?? width(cell)) - width(cell))
          : ' '.repeat((widths[column] ?? width(cell)) - width(cell)) + cell,
      )
      .join('  ')
      .trimEnd(),
  );
}

function statistics(result: AuditResult<FindingBase>, language: Language): string[] {
  const text = TEXT[language];
  const stats = result.statistics;
  if (!stats) return [];
  const rows = [['', ...text.header], row(text.school, stats.school)];
  for (const [grade, group] of Object.entries(stats.byGrade)) rows.push(row(text.grade(grade), group));
  for (const [name, group] of Object.entries(stats.byClass)) rows.push(row(text.klass(oneLine(name)), group));
  const lines = [text.statistics(result.asOf), ...table(rows).map((line) => `  ${line}`)];
  const overdue = Object.entries(stats.overdueByTeacher).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (overdue.length > 0)
    lines.push(
      '',
      text.overdue,
      ...overdue.slice(0, 20).map(([teacher, count]) => `  ${oneLine(teacher)}  ${count}`),
      ...(overdue.length > 20 ? [`  ${text.unlisted(overdue.length - 20)}`] : []),
    );
  return lines;
}

function rejections(intake: IntakeSummary, language: Language): string[] {
  if (intake.rejections.length === 0) return [];
  const lines: string[] = [TEXT[language].rejected];
  for (const rejection of intake.rejections)
    lines.push(
      `  ${oneLine(rejection.file ? `${rejection.file}:` : 'line ')}${rejection.line}  ${rejection.code}  ${oneLine(rejection.message[language])}`,
    );
  if (intake.unlisted > 0) lines.push(`  ${TEXT[language].unlisted(intake.unlisted)}`);
  return lines;
}

/** The closing line of an audit: `read N = checked C + rejected R`, the same in both languages. */
export function accountingLine(intake: IntakeSummary): string {
  return `read ${intake.read} = checked ${intake.checked} + rejected ${intake.rejected}`;
}

/** The audit's tally: the input findings, the findings and every rejected line (a rejected line is a problem too). */
export function auditTally(result: AuditResult<FindingBase> | undefined, inputFindings: readonly FindingBase[]): Tally {
  return tallyOf([...inputFindings, ...(result ? auditFindings(result) : [])]);
}

/** `audit` for people: each finding with its clause, the statistics, the rejected lines, the accounting and the tally — written a finding at a time. */
export function writeAuditText(
  result: AuditResult<FindingBase>,
  inputFindings: readonly FindingBase[],
  sources: ReadonlyMap<string, string>,
  language: Language,
  output: Output,
): void {
  const { put, end } = inPieces({ write: (text: string) => output.write(showControls(text)) });
  let first = true;
  const block = (text: string) => {
    put(first ? text : `\n\n${text}`);
    first = false;
  };
  // A finding without a place in a file is named by its subject: a student, an item, `courseOutcome:11201`, a pack key.
  for (const finding of [...inputFindings, ...result.findings])
    block(formatFinding(finding, finding.position?.file ?? finding.subject, language, sources).join('\n'));
  const stats = statistics(result, language);
  if (stats.length > 0) block(stats.join('\n'));
  if (result.intake) {
    const rejected = rejections(result.intake, language);
    if (rejected.length > 0) block(rejected.join('\n'));
    block(accountingLine(result.intake));
  }
  const { errors, warnings, infos } = auditTally(result, inputFindings);
  const mark = errors > 0 ? '✖' : warnings + infos > 0 ? '⚠' : '✔';
  block(
    `${mark} ${errors + warnings + infos === 0 ? TEXT[language].clean : TEXT[language].tally(errors, warnings, infos)}`,
  );
  end('\n');
}
