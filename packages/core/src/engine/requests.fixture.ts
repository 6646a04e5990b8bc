/**
 * Test fixture: random requests of the engine's item decisions (upload, select, deselect), mostly
 * well-formed and close to the caps, over Magong and a variant of it. Not part of the public API.
 */
import fc from 'fast-check';
import type { FileRef, PortfolioItem } from '../records/items';
import type { Actor } from '../roles/actor';
import type { Submission } from '../submission';
import type { FinalSubmission } from '../submission/final-lock';
import { createEngine, type Engine } from './index';
import { acrossVersions, MAGONG_YAML, STUDENT, TEACHER } from './magong.fixture';

/** Magong, and a variant whose upload cap counts per academic year, leaves rejected items out and exempts only school entries. */
export const PACKS = [
  MAGONG_YAML,
  MAGONG_YAML.replace(
    'upload: { max: 6, per: semester, source: 五(三)1 }',
    'upload: { max: 2, per: academicYear, countsRejected: false, exempt: [schoolEntered], source: 五(三)1 }',
  ),
  // A school with a continuing-education division too: its students' requests are judged, not refused (PR2008).
  MAGONG_YAML.replace('document: 馬公補充規定', 'document: 馬公補充規定\ndivisions: [day, continuingEducation]'),
].map((text) => createEngine(acrossVersions(text)));

const TERMS = ['10902', '11101', '11201', '11201', '112-1', '11202', '11301'];
const DAYS = ['2023-08-20', '2024-01-18', '2024-01-20', '2024-01-22', '2024-09-01'];
const day = fc.constantFrom(...DAYS);

const file = fc.record({
  name: fc.constantFrom('a.pdf', 'b.mp4'),
  type: fc.constantFrom('pdf', 'jpg', 'png', 'mp3', 'mp4', 'docx') as fc.Arbitrary<FileRef['type']>,
  megabytes: fc.constantFrom(0.5, 3.9, 4, 4.1, 9, 12),
});
/** Mostly well-formed, so that the caps decide often; else around the national 100-character limit, some in characters outside the BMP (two UTF-16 units each). */
const summary = fc.oneof(
  { weight: 4, arbitrary: fc.constant('簡述') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(undefined, '', 'x'.repeat(100), 'x'.repeat(101), '😀'.repeat(60), '😀'.repeat(101)),
  },
);
const files = fc.oneof(
  { weight: 4, arbitrary: fc.constant([{ name: 'a.pdf', type: 'pdf' as const, megabytes: 1.2 }]) },
  { weight: 3, arbitrary: fc.option(fc.array(file, { maxLength: 3 }), { nil: undefined }) },
);
const base = {
  id: fc.constantFrom('i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9'),
  studentId: fc.constantFrom('s1', 's1', 's1', 's2'),
  entry: fc.constantFrom('student', 'student', 'student', 'student', 'schoolEntered', 'bulkImport'),
  selected: fc.boolean(),
  withdrawn: fc.constantFrom(undefined, undefined, undefined, false, true),
  summary,
  files,
} as const;
const item: fc.Arbitrary<PortfolioItem> = fc.oneof(
  fc.record(
    {
      ...base,
      kind: fc.constant('courseOutcome' as const),
      term: fc.constantFrom(...TERMS),
      course: fc.constant('physics'),
      certifier: fc.constant('t-chen'),
      state: fc.constantFrom('draft', 'submitted', 'certified', 'rejected'),
    },
    { requiredKeys: ['id', 'studentId', 'entry', 'selected', 'kind', 'term', 'course', 'certifier', 'state'] },
  ),
  fc.record(
    {
      ...base,
      kind: fc.constant('diversePerformance' as const),
      academicYear: fc.constantFrom(109, 111, 112, 113),
      term: fc.constantFrom(...TERMS),
      category: fc.constant('competition' as const),
    },
    { requiredKeys: ['id', 'studentId', 'entry', 'selected', 'kind', 'academicYear', 'category'] },
  ),
);
const submission: fc.Arbitrary<Submission> = fc.record({
  category: fc.constantFrom('courseOutcome', 'diversePerformance'),
  term: fc.constantFrom(...TERMS),
  submittedBy: fc.constant('u1'),
  actingAs: fc.constant('teaching'),
  submittedOn: day,
});
const final: fc.Arbitrary<FinalSubmission> = fc.record(
  {
    category: fc.constantFrom('courseOutcome', 'diversePerformance', 'cadre'),
    term: fc.constantFrom(...TERMS),
    submittedBy: fc.constant('u1'),
    actingAs: fc.constant('teaching'),
    finalOn: day,
    division: fc.constantFrom('day', 'continuingEducation'),
  },
  { requiredKeys: ['category', 'term', 'submittedBy', 'actingAs', 'finalOn'] },
);
const window = fc.record(
  { opens: day, closes: day, layer: fc.constant('school:magong') },
  { requiredKeys: ['closes'] },
);
const at = fc.oneof(
  day,
  day.map((text) => new Date(`${text}T03:00:00Z`)),
);
const actor = fc.constantFrom<Actor>(STUDENT, TEACHER, { id: 's2', roles: ['student'], studentId: 's2' });

/** Another item of the same student, kind and term as the one asked about (and sometimes the same id: an edit), so that the caps are reached often. */
const sibling = (of: PortfolioItem): fc.Arbitrary<PortfolioItem> =>
  fc
    .record({
      id: base.id,
      entry: base.entry,
      selected: base.selected,
      withdrawn: base.withdrawn,
      state: fc.constantFrom('draft', 'certified', 'rejected'),
    })
    .map(({ state, ...rest }) => ({ ...of, ...rest, ...(of.kind === 'courseOutcome' && { state }) }));
/** A final submission of the roster the item asked about belongs to (its kind and term), so that the final lock is met often. */
const rosterOf = (of: PortfolioItem): fc.Arbitrary<FinalSubmission> =>
  final.map((made) => ({ ...made, category: of.kind, term: of.term ?? made.term }));
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export const request = fc.record({ pack: fc.nat(PACKS.length - 1), item }).chain(({ pack, item: asked }) =>
  fc.record({
    pack: fc.constant(pack),
    item: fc.constant(asked),
    items: fc.array(fc.oneof(item, sibling(asked), sibling(asked)), { maxLength: 14 }),
    at,
    submissions: rarely(fc.array(submission, { maxLength: 2 })),
    finals: rarely(fc.array(fc.oneof(final, rosterOf(asked)), { maxLength: 2 })),
    division: rarely(fc.constantFrom('day', 'continuingEducation')),
    window: rarely(window),
    actor,
  }),
);

/** The effective pack the engine picks for an item: its term's, or for a diverse performance without one its academic year's first semester. */
export const effectiveOf = (engine: Engine, item: PortfolioItem) =>
  engine.effectiveFor(item.term ?? `${item.kind === 'diversePerformance' ? item.academicYear : ''}01`);
