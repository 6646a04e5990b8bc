export { asOfFor, calendarYaml } from './calendar';
export { generateSample, type SampleOptions, type SampleReport, type Sink } from './generate';
export { defaultYear, planFrom, type SamplePlan } from './plan';
export {
  STUDENT_VIOLATIONS,
  VIOLATION_KINDS,
  VIOLATION_NAMES,
  type ViolationCounts,
  type ViolationKind,
} from './violations';
