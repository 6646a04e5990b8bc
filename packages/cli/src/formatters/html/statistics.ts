import type { AuditStatistics, GroupStatistics } from '@portfolio-rules/core';
import { escapeMarkup as x } from '../markup';
import { barChart, stackedChart } from './charts';
import { CERTIFICATION_STATES, formatCount, formatDecimal, formatRate, type HtmlText } from './text';

/** Grades and classes in reading order: `2` before `10`, `101` before `102`. */
const ordered = <T>(record: Readonly<Record<string, T>>) =>
  Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));

const figure = (caption: string, chart: string) => `<figure><h4>${x(caption)}</h4>\n${chart}\n</figure>`;

const rateBar = (label: string, group: GroupStatistics) => ({
  label,
  value: group.uploadRate,
  text: `${formatRate(group.uploadRate)} (${formatCount(group.uploaders)}/${formatCount(group.students)})`,
});

/** Classes charted one bar each; beyond this, only the classes with the lowest upload rates, the ones to follow up. */
export const CHARTED_CLASSES = 60;
const LOWEST_CLASSES = 30;

function classChart(classes: readonly (readonly [string, GroupStatistics])[], text: HtmlText): string {
  const shown =
    classes.length <= CHARTED_CLASSES
      ? classes
      : [...classes].sort(([, a], [, b]) => a.uploadRate - b.uploadRate).slice(0, LOWEST_CLASSES);
  const caption =
    shown.length === classes.length ? text.uploadRateByClass : text.lowestClasses(shown.length, classes.length);
  return figure(
    caption,
    barChart(
      caption,
      shown.map(([label, group]) => rateBar(label, group)),
      { max: 1, className: 'rate' },
    ),
  );
}

function table(rows: readonly (readonly [string, GroupStatistics])[], total: GroupStatistics, text: HtmlText): string {
  const columns = text.columns;
  const certification = CERTIFICATION_STATES.map(
    (state) => `<th class="number">${x(text.certification[state])}</th>`,
  ).join('');
  const head = `<tr><th>${x(columns.group)}</th>${[columns.students, columns.uploaders, columns.uploadRate, columns.courseOutcomes, columns.diversePerformances, columns.itemsPerStudent].map((name) => `<th class="number">${x(name)}</th>`).join('')}${certification}${[columns.selectedCourseOutcomes, columns.selectedDiversePerformances, columns.consultations].map((name) => `<th class="number">${x(name)}</th>`).join('')}</tr>`;
  const row = (label: string, group: GroupStatistics, className = '') => {
    const cells = [
      formatCount(group.students),
      formatCount(group.uploaders),
      formatRate(group.uploadRate),
      formatCount(group.courseOutcomes),
      formatCount(group.diversePerformances),
      formatDecimal(group.itemsPerStudent),
      ...CERTIFICATION_STATES.map((state) => formatCount(group.certification[state])),
      formatCount(group.selected.courseOutcome),
      formatCount(group.selected.diversePerformance),
      formatCount(group.consultations),
    ];
    return `<tr${className && ` class="${className}"`}><th>${x(label)}</th>${cells.map((cell) => `<td class="number">${x(cell)}</td>`).join('')}</tr>`;
  };
  return `<div class="wide"><table class="statistics"><thead>${head}</thead><tbody>\n${[...rows.map(([label, group]) => row(label, group)), row(text.all, total, 'total')].join('\n')}\n</tbody></table></div>`;
}

/** Classes shown open; a school with more has its class chart and table collapsed, to be opened on demand. */
export const OPEN_CLASSES = 12;

/**
 * The statistics of one school (seed 004's table): charts per grade and of certification states,
 * the table per grade, then the chart and table per class (collapsed when long), then overdue
 * certifications by teacher. The findings by rule are counted in the summary, not here.
 */
export function statisticsSection(statistics: AuditStatistics, text: HtmlText): string {
  const grades = ordered(statistics.byGrade).map(([grade, group]) => [text.grade(grade), group] as const);
  const classes = ordered(statistics.byClass);
  const stacks = [[text.all, statistics.school] as const, ...grades].map(([label, group]) => ({
    label,
    parts: CERTIFICATION_STATES.map((state) => ({
      className: state,
      name: text.certification[state],
      value: group.certification[state],
    })),
  }));
  const teachers = Object.entries(statistics.overdueByTeacher).sort(
    ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b),
  );
  const overdue =
    teachers.length === 0
      ? ''
      : `<h4>${x(text.overdueByTeacher)}</h4>\n<table class="overdue"><thead><tr><th>${x(text.teacher)}</th><th class="number">${x(text.overdue)}</th></tr></thead><tbody>\n${teachers.map(([teacher, count]) => `<tr><td>${x(teacher)}</td><td class="number">${formatCount(count)}</td></tr>`).join('\n')}\n</tbody></table>`;
  const byClass = [classChart(classes, text), `<h4>${x(text.byClass)}</h4>`, table(classes, statistics.school, text)];
  return [
    figure(
      text.uploadRateByGrade,
      barChart(
        text.uploadRateByGrade,
        grades.map(([label, group]) => rateBar(label, group)),
        { max: 1, className: 'rate' },
      ),
    ),
    figure(text.certificationStates, stackedChart(text.certificationStates, stacks)),
    `<h4>${x(text.byGrade)}</h4>`,
    table(grades, statistics.school, text),
    ...(classes.length > OPEN_CLASSES
      ? [`<details class="classes"><summary>${x(text.classes(classes.length))}</summary>`, ...byClass, `</details>`]
      : byClass),
    overdue,
  ]
    .filter(Boolean)
    .join('\n');
}
