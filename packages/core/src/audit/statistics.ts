import type { Finding } from '../catalogue';
import type { AuditState } from './state';
import { COUNT, type Roster } from './store/roster';
import type { AuditStatistics, GroupStatistics } from './types';

interface Group {
  students: number;
  uploaders: number;
  courseOutcomes: number;
  diversePerformances: number;
  draft: number;
  submitted: number;
  certified: number;
  rejected: number;
  selectedCourseOutcomes: number;
  selectedDiversePerformances: number;
  consultations: number;
}

const emptyGroup = (): Group => ({
  students: 0,
  uploaders: 0,
  courseOutcomes: 0,
  diversePerformances: 0,
  draft: 0,
  submitted: 0,
  certified: 0,
  rejected: 0,
  selectedCourseOutcomes: 0,
  selectedDiversePerformances: 0,
  consultations: 0,
});

/** The group under a key (a grade, a class), created empty the first time. */
function groupFor(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = emptyGroup()));
  return group;
}

function addTo(group: Group, roster: Roster, student: number, counted: boolean): void {
  const courseOutcomes = roster.get(student, COUNT.courseOutcomes);
  if (counted) group.students++;
  if (counted && courseOutcomes > 0) group.uploaders++;
  group.courseOutcomes += courseOutcomes;
  group.diversePerformances += roster.get(student, COUNT.diversePerformances);
  group.draft += roster.get(student, COUNT.draft);
  group.submitted += roster.get(student, COUNT.submitted);
  group.certified += roster.get(student, COUNT.certified);
  group.rejected += roster.get(student, COUNT.rejected);
  group.selectedCourseOutcomes += roster.get(student, COUNT.selectedCourseOutcomes);
  group.selectedDiversePerformances += roster.get(student, COUNT.selectedDiversePerformances);
  group.consultations += roster.get(student, COUNT.consultations);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** A group's counts as the contract shows them; rates rounded to 4 decimals so output stays stable. */
export function finishGroup(group: Group): GroupStatistics {
  return {
    students: group.students,
    uploaders: group.uploaders,
    uploadRate: group.students === 0 ? 0 : round(group.uploaders / group.students),
    courseOutcomes: group.courseOutcomes,
    diversePerformances: group.diversePerformances,
    itemsPerStudent:
      group.students === 0 ? 0 : round((group.courseOutcomes + group.diversePerformances) / group.students),
    certification: {
      draft: group.draft,
      submitted: group.submitted,
      certified: group.certified,
      rejected: group.rejected,
    },
    selected: { courseOutcome: group.selectedCourseOutcomes, diversePerformance: group.selectedDiversePerformances },
    consultations: group.consultations,
  };
}

/** Back from the contract to the counts, to merge several schools. */
export function groupOf(statistics: GroupStatistics): Group {
  return {
    students: statistics.students,
    uploaders: statistics.uploaders,
    courseOutcomes: statistics.courseOutcomes,
    diversePerformances: statistics.diversePerformances,
    ...statistics.certification,
    selectedCourseOutcomes: statistics.selected.courseOutcome,
    selectedDiversePerformances: statistics.selected.diversePerformance,
    consultations: statistics.consultations,
  };
}

export function sumGroups(groups: readonly GroupStatistics[]): GroupStatistics {
  const total = emptyGroup();
  for (const group of groups.map(groupOf))
    for (const key of Object.keys(total) as (keyof Group)[]) total[key] += group[key];
  return finishGroup(total);
}

const sortedRecord = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Seed 004's table per school, grade and class. Students are those with a `student` line; items of a
 * student without one count for the school only. Graduates of earlier cohorts (status graduated) are
 * not students of the school's grades and are left out of the student counts.
 */
export function statisticsOf(
  state: AuditState,
  findings: readonly Finding[],
  overdue: ReadonlyMap<string, number>,
): AuditStatistics {
  const school = emptyGroup();
  const byGrade = new Map<string, Group>();
  const byClass = new Map<string, Group>();
  const { roster } = state;
  for (let student = 0; student < roster.size; student++) {
    const record = roster.record(student);
    const current = record !== undefined && record.status !== 'graduated';
    addTo(school, roster, student, current);
    if (!current) continue;
    const grade = String(record.grade);
    addTo(groupFor(byGrade, grade), roster, student, true);
    if (record.class !== undefined) addTo(groupFor(byClass, record.class), roster, student, true);
  }
  const findingsByCode = new Map<string, number>();
  for (const finding of findings) findingsByCode.set(finding.code, (findingsByCode.get(finding.code) ?? 0) + 1);
  return {
    school: finishGroup(school),
    byGrade: sortedRecord([...byGrade].map(([key, group]) => [key, finishGroup(group)])),
    byClass: sortedRecord([...byClass].map(([key, group]) => [key, finishGroup(group)])),
    overdueByTeacher: sortedRecord(overdue),
    findingsByCode: sortedRecord(findingsByCode),
  };
}
