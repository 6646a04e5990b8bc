import { asOfFor } from './calendar';
import type { SamplePlan } from './plan';
import { createRandom } from './random';
import { generateGraduate, generateSchool } from './school';
import { generateStudent, type StudentSpec } from './student';
import { noViolations, type ViolationCounts } from './violations';
import { unreachable } from '@portfolio-rules/core/internal';

export interface SampleOptions {
  readonly students: number;
  readonly seed: number;
  readonly schools: number;
  /** The share of students (and of school-terms, submissions, graduates) given a violation, 0–1. */
  readonly violations: number;
}

/** Where the lines go; a returned promise is awaited (backpressure). */
export interface Sink {
  write(text: string): void | Promise<void>;
}

export interface SampleReport {
  readonly seed: number;
  readonly students: number;
  readonly schools: number;
  readonly year: number;
  /** The day to audit the data as of: after every window of its last year closed (asOfFor). */
  readonly asOf: string;
  readonly violationShare: number;
  /** Lines written per record type. */
  readonly records: Readonly<Record<string, number>>;
  readonly lines: number;
  /** Violations injected, per kind, each in its own unit (see VIOLATION_NAMES). */
  readonly violations: ViolationCounts;
  readonly violationsTotal: number;
}

const CLASS_SIZE = 35;
const GRADUATE_SHARE = 0.02;
const FLUSH_AT = 1 << 18;

/** Students per school: as even as possible, the first schools taking the remainder. */
function schoolSizes(students: number, schools: number): number[] {
  return Array.from(
    { length: schools },
    (_, index) => Math.floor(students / schools) + (index < students % schools ? 1 : 0),
  );
}

/** Enrolled students in classes of 35; with several divisions, every fourth class is of the second (新竹: 進修部). */
function enrolled(school: string, count: number, divisions: readonly string[]): StudentSpec[] {
  const perGrade = [1, 2, 3].map((grade) => Math.floor(count / 3) + (grade <= count % 3 ? 1 : 0));
  const specs: StudentSpec[] = [];
  perGrade.forEach((size, index) => {
    const grade = (index + 1) as 1 | 2 | 3;
    for (let seat = 0; seat < size; seat++) {
      const classNumber = Math.floor(seat / CLASS_SIZE) + 1;
      const division = (classNumber % 4 === 0 && divisions[1]) || (divisions[0] ?? unreachable('a division'));
      specs.push({
        id: `${school}-${String(specs.length + 1).padStart(6, '0')}`,
        grade,
        classIndex: grade * 100 + classNumber,
        classCode: `${grade}${String(classNumber).padStart(2, '0')}`,
        division,
      });
    }
  });
  return specs;
}

/**
 * Writes a realistic dataset for a pack as NDJSON, school by school and student by student, so memory
 * stays bounded whatever the size. Deterministic: the same options give the same bytes.
 */
export async function generateSample(options: SampleOptions, plan: SamplePlan, sink: Sink): Promise<SampleReport> {
  const random = createRandom(options.seed);
  const violations = noViolations();
  const records: Record<string, number> = {};
  let buffer: string[] = [];
  let size = 0;
  let lines = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const text = buffer.join('');
    buffer = [];
    size = 0;
    await sink.write(text);
  };
  const write = async (batch: readonly string[]) => {
    for (const line of batch) {
      const type = line.slice(9, line.indexOf('"', 9));
      records[type] = (records[type] ?? 0) + 1;
      buffer.push(line, '\n');
      size += line.length + 1;
    }
    lines += batch.length;
    if (size >= FLUSH_AT) await flush();
  };

  const sizes = schoolSizes(options.students, options.schools);
  for (const [index, count] of sizes.entries()) {
    const id = `S${String(index + 1).padStart(options.schools >= 100 ? 3 : 2, '0')}`;
    const graduates = Math.round(count * GRADUATE_SHARE);
    const rounds = createRandom((options.seed ^ 0x2f6b) + index);
    const school = generateSchool(id, count, plan, random, options.violations, violations, rounds);
    await write(school.lines);
    for (const spec of enrolled(id, count - graduates, plan.divisions)) {
      const student = generateStudent(spec, plan, school.context, random, options.violations);
      if (student.violation) violations[student.violation]++;
      await write(student.lines);
    }
    for (let graduate = 0; graduate < graduates; graduate++) {
      await write(
        generateGraduate(
          `${id}-G${String(graduate + 1).padStart(5, '0')}`,
          id,
          plan,
          random,
          options.violations,
          violations,
        ),
      );
    }
  }
  await flush();
  return {
    seed: options.seed,
    students: options.students,
    schools: options.schools,
    year: plan.year,
    asOf: asOfFor(plan),
    violationShare: options.violations,
    records,
    lines,
    violations,
    violationsTotal: Object.values(violations).reduce((sum, count) => sum + count, 0),
  };
}
