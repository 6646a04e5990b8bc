import type { IntakeSummary } from '../dataset';
import type { Finding } from '../catalogue';
import { sumGroups } from './statistics';
import type { AuditResult, AuditStatistics, GroupStatistics } from './types';

const RANK = { error: 0, warning: 1, info: 2 } as const;

function sumRecords(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const total = new Map<string, number>();
  for (const record of records)
    for (const [key, value] of Object.entries(record)) total.set(key, (total.get(key) ?? 0) + value);
  return Object.fromEntries([...total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function mergeStatistics(results: readonly AuditResult[]): AuditStatistics {
  const all = results.flatMap((result) =>
    result.statistics ? [{ school: result.school ?? '', statistics: result.statistics }] : [],
  );
  const grades = new Map<string, GroupStatistics[]>();
  const classes: [string, GroupStatistics][] = [];
  for (const { school, statistics } of all) {
    for (const [grade, group] of Object.entries(statistics.byGrade))
      grades.set(grade, [...(grades.get(grade) ?? []), group]);
    for (const [name, group] of Object.entries(statistics.byClass)) classes.push([`${school}/${name}`, group]);
  }
  return {
    school: sumGroups(all.map(({ statistics }) => statistics.school)),
    byGrade: Object.fromEntries(
      [...grades].sort(([a], [b]) => (a < b ? -1 : 1)).map(([grade, groups]) => [grade, sumGroups(groups)]),
    ),
    byClass: Object.fromEntries(classes.sort(([a], [b]) => (a < b ? -1 : 1))),
    overdueByTeacher: sumRecords(all.map(({ statistics }) => statistics.overdueByTeacher)),
    findingsByCode: sumRecords(all.map(({ statistics }) => statistics.findingsByCode)),
  };
}

/**
 * Several schools' results as one: each school's findings (their subject prefixed `<school>/`), most
 * severe first and then by school; the statistics added up (classes keyed `<school>/<class>`); each
 * school's own result under `schools`. The order of `results` does not matter.
 */
export function mergeAudits(results: readonly AuditResult[], intake?: IntakeSummary): AuditResult {
  const schools = [...results].sort((a, b) =>
    (a.school ?? '') < (b.school ?? '') ? -1 : (a.school ?? '') > (b.school ?? '') ? 1 : 0,
  );
  const findings: Finding[] = [];
  for (const result of schools)
    for (const finding of result.findings)
      findings.push(
        result.school === undefined ? finding : { ...finding, subject: `${result.school}/${finding.subject}` },
      );
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const first = schools[0];
  return {
    pack: first?.pack ?? { id: '', name: '' },
    asOf: first?.asOf ?? '',
    findings,
    ...(intake && { intake }),
    statistics: mergeStatistics(schools),
    schools,
  };
}
