import type { SchoolCalendar } from '@portfolio-rules/core';
import type { SamplePlan } from './plan';

/**
 * The day to audit a sample as of: 30 November after the last generated academic year (112 →
 * 2024-11-30), when every window of its terms has closed — the second semester's data is submitted
 * in October, its receipts confirmed and its final submission made before then.
 */
export function asOfFor(plan: SamplePlan): string {
  return `${plan.year + 1912}-11-30`;
}

/** A sample calendar as a school calendar file (`audit --calendar`): the days the generator used, one academic year. */
export function calendarYaml(calendar: SchoolCalendar): string {
  const lines = [
    `# The days portfolio-rules sample used for academic year ${calendar.academicYear} (plausible, not a real school's).`,
    `academicYear: ${calendar.academicYear}`,
    `document: portfolio-rules sample ${calendar.academicYear}`,
    'terms:',
  ];
  for (const term of calendar.terms) {
    lines.push(`  - semester: ${term.semester}`, '    anchors:');
    for (const [anchor, date] of Object.entries(term.anchors)) lines.push(`      ${anchor}: ${date}`);
  }
  return `${lines.join('\n')}\n`;
}
