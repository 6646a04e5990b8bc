import { DIVERSE_PERFORMANCE_CATEGORIES, RECEIPT_CATEGORIES } from '@portfolio-rules/core';
import { day, iso, type Day } from './days';
import { applicable, inject, type Portfolio } from './inject';
import type { SamplePlan, TermPlan } from './plan';
import {
  cleanState,
  isoOf,
  type Item,
  roomUnder,
  sample,
  selectable,
  selectLimits,
  setState,
  uploadRoom,
} from './portfolio';
import type { Random } from './random';
import type { StudentViolation } from './violations';
import { unreachable } from '@portfolio-rules/core/internal';

/** The school-level facts a student's records refer to. */
export interface SchoolContext {
  readonly id: string;
  readonly teachers: number;
  /** Receipt confirmation period per `category|division` for the receipt term. */
  readonly receiptPeriods: ReadonlyMap<string, { readonly opens: Day; readonly closes: Day }>;
  readonly receiptTerm: TermPlan;
}

export interface StudentSpec {
  readonly id: string;
  readonly grade: 1 | 2 | 3;
  readonly classIndex: number;
  readonly classCode: string;
  /** The student's division (日間部 day unless the pack has others). */
  readonly division: string;
}

export interface StudentOutcome {
  readonly lines: string[];
  readonly violation?: StudentViolation;
}

const COURSES = [
  '國語文',
  '英語文',
  '數學',
  '物理',
  '化學',
  '生物',
  '地球科學',
  '歷史',
  '地理',
  '公民與社會',
  '音樂',
  '美術',
  '資訊科技',
  '生活科技',
  '探究與實作',
  '專題研究',
];
const CADRE_POSITIONS = ['班長', '副班長', '學藝股長', '康樂股長', '服務股長', '社長', '自治會幹部'];
const CADRE_LEVELS = ['class', 'class', 'club', 'school'] as const;
const STUDENT_CATEGORIES = DIVERSE_PERFORMANCE_CATEGORIES.filter((category) => category !== 'cadre');
/** Seed 004: upload rates fell from 96 % to 71 % over four cohorts; the older the cohort, the higher. */
const UPLOAD_RATE = { 1: 0.74, 2: 0.84, 3: 0.94 } as const;

/** The last upload day of a term: before the closing ceremony; grade 3's final semester runs an April cycle (seed 004; 馬公 作業流程 12 closes 04-10). */
function lastUpload(gradeThen: number, term: TermPlan): Day {
  const closing = term.closingCeremony - 5;
  return gradeThen === 3 && term.semester === 2 ? Math.min(closing, day(term.year + 1912, 4, 5)) : closing;
}

const teacherId = (school: SchoolContext, index: number) =>
  `${school.id}-T${String(index % school.teachers).padStart(3, '0')}`;

/** The six courses a class takes in a term. */
function coursesOf(spec: StudentSpec, term: TermPlan): string[] {
  const offset = (spec.classIndex * 5 + term.year * 3 + term.semester) % COURSES.length;
  return Array.from(
    { length: 6 },
    (_, index) => COURSES[(offset + index * 3) % COURSES.length] ?? unreachable('a course'),
  );
}

/** The terms a student of a grade has had by the end of the plan's last year. */
export function termsOf(plan: SamplePlan, grade: number): TermPlan[] {
  return [...plan.terms.values()].filter((term) => term.year > plan.year - grade);
}

/**
 * Generates one enrolled student's records as NDJSON lines: the student, course outcomes with their
 * certification events, diverse performances (cadre ones school-entered), cadre records, course
 * records, consultation records, receipts; with at most one injected violation.
 */
export function generateStudent(
  spec: StudentSpec,
  plan: SamplePlan,
  school: SchoolContext,
  random: Random,
  violationShare: number,
): StudentOutcome {
  const terms = termsOf(plan, spec.grade);
  const lines: string[] = [];
  const base = { studentId: spec.id, school: school.id };
  const emit = (record: object) => lines.push(JSON.stringify(record));
  const items: Item[] = [];
  let serial = 0;
  const deadlineIn = (term: TermPlan) => term.certifyBy[spec.grade - (plan.year - term.year) - 1];
  const newItem = (
    kind: Item['kind'],
    term: TermPlan,
    state: Item['state'],
    entry: Item['entry'] = 'student',
    category?: string,
  ): Item => {
    const uploadedOn =
      term.classesStart + random.int(20, lastUpload(spec.grade - (plan.year - term.year), term) - term.classesStart);
    const deadline = deadlineIn(term);
    const item: Item = {
      kind,
      id: `${spec.id}-${kind === 'courseOutcome' ? 'C' : 'D'}${++serial}`,
      term,
      state: 'draft',
      selected: false,
      withdrawn: false,
      uploadedOn,
      entry,
      division: spec.division,
      ...(kind === 'courseOutcome' && deadline !== undefined && { deadline }),
      ...(kind === 'courseOutcome'
        ? { course: random.pick(coursesOf(spec, term)) }
        : { category: category ?? random.pick(STUDENT_CATEGORIES) }),
    };
    if (kind === 'courseOutcome') setState(item, state, random);
    return item;
  };
  const portfolio: Portfolio = { items, terms, newItem, random, deadlineIn };

  emit({
    type: 'student',
    id: spec.id,
    grade: spec.grade,
    class: spec.classCode,
    ...(spec.division !== 'day' && { division: spec.division }),
    school: school.id,
  });
  const uploader = random.chance(UPLOAD_RATE[spec.grade]);
  for (const term of terms) {
    if (uploader) {
      const wanted = Math.min(random.int(1, 5), uploadRoom(items, 'courseOutcome', term));
      for (let index = 0; index < wanted; index++) items.push(newItem('courseOutcome', term, cleanState(random)));
      if (random.chance(0.03)) {
        const withdrawn = newItem('courseOutcome', term, 'draft');
        withdrawn.withdrawn = true;
        items.push(withdrawn);
      }
    }
    if (random.chance(0.3)) items.push(newItem('diversePerformance', term, 'draft', 'schoolEntered', 'cadre'));
    const wantedDiverse = Math.min(random.int(0, 5), uploadRoom(items, 'diversePerformance', term));
    for (let index = 0; index < wantedDiverse; index++) items.push(newItem('diversePerformance', term, 'draft'));
  }
  for (const kind of ['courseOutcome', 'diversePerformance'] as const) {
    for (const term of terms) {
      const limits = selectLimits(kind, term);
      const room = roomUnder(items, kind, term, limits, true);
      const candidates = items.filter(
        (item) =>
          item.kind === kind &&
          item.term === term &&
          !item.selected &&
          selectable(item) &&
          !limits.some((limit) => limit.exempt.includes(item.entry)),
      );
      // A student who uploads diverse performances selects at least one a term (馬公 六(一)'s advisory rule asks the homeroom teacher to check those who select none).
      const fewest = kind === 'diversePerformance' && candidates.length > 0 ? 1 : 0;
      for (const item of sample(candidates, Math.min(room, random.int(fewest, candidates.length)), random))
        item.selected = true;
    }
  }
  for (const item of items) if (item.entry === 'schoolEntered' && random.chance(0.5)) item.selected = true;

  let violation: StudentViolation | undefined;
  if (random.chance(violationShare)) {
    const kind = random.pick(applicable(terms, deadlineIn));
    if (kind === 'unresolvedDispute' || inject(kind, portfolio)) violation = kind;
  }

  for (const item of items) emitItem(item, spec, school, emit);
  terms.forEach((term, termIndex) => {
    const courses = coursesOf(spec, term);
    for (const course of courses) {
      emit({
        type: 'courseRecord',
        ...base,
        term: term.code,
        course,
        credits: 2,
        score: random.int(45, 99),
        enteredOn: iso(term.end + 10),
      });
    }
    const consultations = random.int(4, 9);
    for (let index = 0; index < consultations; index++) {
      emit({
        type: 'consultation',
        ...base,
        term: term.code,
        teacher: teacherId(school, spec.classIndex + 1),
        date: iso(term.classesStart + random.int(0, 120)),
      });
    }
    const cadres = items.filter((item) => item.term === term && item.category === 'cadre');
    cadres.forEach((item, index) => {
      emit({
        type: 'cadre',
        id: `${spec.id}-K${termIndex}${index}`,
        ...base,
        term: term.code,
        position: random.pick(CADRE_POSITIONS),
        level: random.pick(CADRE_LEVELS),
        enteredBy: 'studentLife',
        enteredOn: iso(term.end + 7),
      });
    });
  });
  const disputed = violation === 'unresolvedDispute' ? random.pick(RECEIPT_CATEGORIES) : undefined;
  for (const category of RECEIPT_CATEGORIES) {
    const period =
      school.receiptPeriods.get(`${category}|${spec.division}`) ??
      unreachable(`receipt period ${category}|${spec.division}`);
    const confirmedOn = period.opens + random.int(0, period.closes - period.opens);
    const receipt = { type: 'receipt', ...base, category, term: school.receiptTerm.code };
    if (category === disputed) emit({ ...receipt, status: 'disputed', disputedOn: iso(confirmedOn) });
    else if (random.chance(0.03))
      emit({
        ...receipt,
        status: 'disputed',
        disputedOn: iso(confirmedOn),
        resolvedOn: iso(confirmedOn + random.int(1, 4)),
      });
    else if (random.chance(0.04)) emit({ ...receipt, status: 'pending' });
    else emit({ ...receipt, status: 'confirmed', confirmedOn: iso(confirmedOn) });
  }
  if (random.chance(0.01))
    emit({
      type: 'enrolmentChange',
      ...base,
      change: 'transferIn',
      on: iso((terms[0] ?? unreachable('a term')).classesStart),
    });
  return { lines, ...(violation && { violation }) };
}

function emitItem(item: Item, spec: StudentSpec, school: SchoolContext, emit: (record: object) => void): void {
  const common = {
    id: item.id,
    studentId: spec.id,
    school: school.id,
    ...(item.entry !== 'student' && { entry: item.entry }),
    ...(item.selected && { selected: true }),
    ...(item.withdrawn && { withdrawn: true }),
    uploadedOn: iso(item.uploadedOn),
  };
  if (item.kind === 'diversePerformance') {
    emit({
      type: 'diversePerformance',
      ...common,
      academicYear: item.term.year,
      term: item.term.code,
      category: item.category,
      files: [{ name: `${item.id}.pdf`, type: 'pdf', megabytes: 1.5 }],
    });
    return;
  }
  const certifier = teacherId(school, spec.classIndex * 7 + (item.course ?? unreachable('the course')).length * 13);
  // A deputy certifies as the pack's chain says: another teacher for a role link (科內教師), else the unit itself (新竹 十一(三)2 註冊組).
  const deputy = item.deputy ? item.term.divisions[item.division]?.deputy : undefined;
  const decider = deputy
    ? deputy.role
      ? teacherId(school, spec.classIndex * 7 + (item.course ?? unreachable('the course')).length * 13 + 1)
      : deputy.unit
    : certifier;
  emit({
    type: 'courseOutcome',
    ...common,
    term: item.term.code,
    course: item.course,
    certifier,
    state: item.state,
    ...(item.state === 'certified' && { certifiedBy: decider, certifiedOn: isoOf(item.decidedOn) }),
    ...(item.state === 'rejected' && {
      certifiedOn: isoOf(item.decidedOn),
      ...(item.reason !== undefined && { rejectionReason: item.reason }),
    }),
    files: [{ name: `${item.id}.pdf`, type: 'pdf', megabytes: 2.4 }],
  });
  const event = { type: 'certificationEvent', itemId: item.id, studentId: spec.id, school: school.id };
  if (item.state !== 'draft') emit({ ...event, event: 'submit', on: iso(item.uploadedOn), actor: spec.id });
  if (item.state === 'certified') emit({ ...event, event: 'certify', on: isoOf(item.decidedOn), actor: decider });
  if (item.state === 'rejected')
    emit({
      ...event,
      event: 'reject',
      on: isoOf(item.decidedOn),
      actor: certifier,
      ...(item.reason !== undefined && { reason: item.reason }),
    });
}
