import type { SamplePlan } from './plan';

/**
 * The day to audit a sample as of: 30 November after the last generated academic year (112 →
 * 2024-11-30), when every window of its terms has closed — the second semester's data is submitted
 * in October, its receipts confirmed and its final submission made before then.
 */
export function asOfFor(plan: SamplePlan): string {
  return `${plan.year + 1912}-11-30`;
}
