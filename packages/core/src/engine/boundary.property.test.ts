import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../catalogue';
import { checkUpload } from '../caps/decide';
import { transition } from '../certification';
import { checkReceiptPeriod, finalSubmit, leaverNotices, receiptTransition } from '../receipts';
import { checkSelection, deselectItem, selectItem } from '../selection';
import { submitRoster } from '../submission';
import { isOpen } from '../windows/open';
import { createEngine, type Engine } from './index';
import { acrossVersions, magong, outcome, performance, STUDENT, TEACHER, TEACHING } from './magong.fixture';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);
const engine = createEngine(acrossVersions());

type Call = (engine: Engine, args: readonly unknown[]) => unknown;
/** Every method of the engine, called with its arguments as an untyped caller passes them. */
const METHODS: Readonly<Record<string, { readonly arity: number; readonly call: Call }>> = {
  checkUpload: { arity: 1, call: (e, [a]) => e.checkUpload(a as never) },
  checkSelection: { arity: 1, call: (e, [a]) => e.checkSelection(a as never) },
  select: { arity: 1, call: (e, [a]) => e.select(a as never) },
  deselect: { arity: 1, call: (e, [a]) => e.deselect(a as never) },
  transition: {
    arity: 5,
    call: (e, [a, b, c, d, f]) => e.transition(a as never, b as never, c as never, d as never, f as never),
  },
  submit: { arity: 1, call: (e, [a]) => e.submit(a as never) },
  checkReceiptPeriod: { arity: 2, call: (e, [a, b]) => e.checkReceiptPeriod(a as never, b as never) },
  receipt: {
    arity: 5,
    call: (e, [a, b, c, d, f]) => e.receipt(a as never, b as never, c as never, d as never, f as never),
  },
  finalSubmit: { arity: 1, call: (e, [a]) => e.finalSubmit(a as never) },
  leaverNotices: { arity: 3, call: (e, [a, b, c]) => e.leaverNotices(a as never, b as never, c as never) },
};

/** A refusal: not allowed (a decision) or not ok (a transition), or no notices; with an error finding. */
function expectRefused(result: unknown): readonly Finding[] {
  const answer = result as { allowed?: boolean; ok?: boolean; notices?: unknown[]; findings: readonly Finding[] };
  if ('notices' in answer) expect(answer.notices).toEqual([]);
  else expect(answer.allowed ?? answer.ok).toBe(false);
  expect(answer.findings.some((finding) => finding.severity === 'error')).toBe(true);
  return answer.findings;
}

const codes = (findings: readonly Finding[]) => findings.map((finding) => finding.code);

/** A first round submitted, with its receipts' period: what a resubmission and the receipts read. */
const ROUND_ONE = {
  category: 'courseOutcome',
  term: '11201',
  submittedBy: 'u-teaching',
  actingAs: 'teaching',
  submittedOn: '2024-03-15',
  round: 1,
  receiptPeriod: { opens: '2024-03-16', closes: '2024-03-20' },
};

/** Valid arguments of each method (the Magong fixture), each of which the engine judges by its rules. */
const VALID: Readonly<Record<string, () => unknown[]>> = {
  checkUpload: () => [
    {
      item: outcome(),
      items: [outcome(), performance()],
      at: '2024-01-20',
      submissions: [],
      window: { opens: '2024-01-01', closes: '2024-02-10' },
    },
  ],
  checkSelection: () => [{ item: outcome({ state: 'certified' }), items: [], actor: STUDENT, at: '2024-01-20' }],
  select: () => [{ item: performance(), items: [], actor: STUDENT, at: '2024-01-20' }],
  deselect: () => [
    {
      item: outcome({ state: 'certified', selected: true }),
      items: [],
      actor: STUDENT,
      at: '2024-01-20',
      window: { opens: '2024-01-01', closes: '2024-02-10' },
    },
  ],
  transition: () => [
    outcome({ state: 'submitted' }),
    { type: 'reject', reason: '非本人作品' },
    TEACHER,
    '2024-01-22',
    { unavailable: [] },
  ],
  submit: () => [
    {
      category: 'courseOutcome',
      term: '11201',
      actor: TEACHING,
      at: '2024-03-22',
      submissions: [ROUND_ONE],
      correction: '補登漏傳之課程學習成果',
      receiptPeriod: { opens: '2024-03-23', closes: '2024-03-27' },
      finals: [],
    },
  ],
  checkReceiptPeriod: () => ['11201', { opens: '2024-03-16', closes: '2024-03-20' }],
  receipt: () => [
    { studentId: 's1', category: 'courseOutcome', term: '11201', status: 'pending', round: 1 },
    { type: 'dispute', text: '少一件' },
    STUDENT,
    '2024-03-17',
    { submissions: [ROUND_ONE] },
  ],
  finalSubmit: () => [
    {
      category: 'courseOutcome',
      term: '11201',
      actor: TEACHING,
      at: '2024-03-30',
      receipts: [],
      finals: [],
      submissions: [ROUND_ONE],
    },
  ],
  leaverNotices: () => [
    '11201',
    [{ id: 's1', grade: 3, status: 'graduated', graduatedOn: '2023-06-30' }],
    '2024-03-16',
  ],
};

/** Values that are never of the shape a field needs, whatever the field. */
const WRONG = fc.constantFrom<unknown>(
  undefined,
  null,
  NaN,
  -1,
  Infinity,
  '',
  'never',
  'bogus',
  '2024-02-30',
  new Date(Number.NaN),
  {},
  [],
  [null],
  () => 0,
  Symbol('x'),
  10n,
  { toString: () => '2024-01-01' },
);

/** Paths into the valid arguments whose values the engine reads, each to be replaced by a wrong value (a near miss). */
const NEAR: Readonly<Record<string, readonly (readonly (string | number)[])[]>> = {
  checkUpload: [
    [0],
    [0, 'item'],
    [0, 'item', 'kind'],
    [0, 'item', 'id'],
    [0, 'item', 'studentId'],
    [0, 'item', 'entry'],
    [0, 'item', 'selected'],
    [0, 'item', 'term'],
    [0, 'item', 'state'],
    [0, 'item', 'files'],
    [0, 'item', 'files', 0],
    [0, 'item', 'files', 0, 'megabytes'],
    [0, 'items'],
    [0, 'items', 0],
    [0, 'items', 0, 'kind'],
    [0, 'items', 1, 'academicYear'],
    [0, 'at'],
    [0, 'window'],
    [0, 'window', 'closes'],
    [0, 'submissions'],
  ],
  checkSelection: [
    [0, 'actor'],
    [0, 'actor', 'roles'],
    [0, 'actor', 'id'],
    [0, 'item', 'kind'],
    [0, 'at'],
  ],
  select: [
    [0, 'actor'],
    [0, 'item', 'academicYear'],
    [0, 'items'],
  ],
  deselect: [
    [0, 'window', 'closes'],
    [0, 'window', 'opens'],
    [0, 'item', 'selected'],
  ],
  transition: [[0], [0, 'kind'], [0, 'state'], [0, 'certifier'], [1], [1, 'type'], [2], [2, 'roles'], [3], [4]],
  submit: [
    [0, 'category'],
    [0, 'term'],
    [0, 'actor'],
    [0, 'at'],
    [0, 'submissions'],
    [0, 'submissions', 0, 'round'],
    [0, 'submissions', 0, 'receiptPeriod'],
    [0, 'submissions', 0, 'receiptPeriod', 'closes'],
    [0, 'window'],
    [0, 'correction'],
    [0, 'receiptPeriod'],
    [0, 'receiptPeriod', 'opens'],
    [0, 'finals'],
    [0, 'finals', 0],
  ],
  checkReceiptPeriod: [[0], [1], [1, 'opens'], [1, 'closes']],
  receipt: [
    [0],
    [0, 'status'],
    [0, 'category'],
    [0, 'term'],
    [0, 'round'],
    [1],
    [1, 'type'],
    [2],
    [3],
    [4, 'submissions'],
    [4, 'submissions', 0, 'round'],
  ],
  finalSubmit: [
    [0, 'category'],
    [0, 'receipts'],
    [0, 'finals'],
    [0, 'actor'],
    [0, 'at'],
    [0, 'submissions'],
    [0, 'submissions', 0, 'round'],
  ],
  leaverNotices: [[0], [1], [1, 0], [1, 0, 'grade'], [1, 0, 'status'], [2]],
};

const LISTS = new Set(['items', 'submissions', 'receipts', 'finals', 'files', 'roles']);
const OPTIONAL = new Set(['window', 'opens', 'submissions', 'files', 'round', 'receiptPeriod', 'finals']);
const TEXTS = new Set(['id', 'studentId', 'certifier']);
/** Any text fits, or none. */
const OPTIONAL_TEXTS = new Set(['correction']);
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a wrong value happens to fit where it is put: an empty list where a list goes, nothing where a field is optional, any object as a context, any text as an id. */
function fits(method: string, path: readonly (string | number)[], value: unknown): boolean {
  const last = String(path.at(-1));
  if (path.length === 1 && path[0] === 4) return value === undefined || isObject(value);
  if (TEXTS.has(last)) return typeof value === 'string' && value !== '';
  if (OPTIONAL_TEXTS.has(last)) return value === undefined || typeof value === 'string';
  if (Array.isArray(value) && value.length === 0)
    return LISTS.has(last) || (method === 'leaverNotices' && path.length === 1 && path[0] === 1);
  return value === undefined && OPTIONAL.has(last);
}

function replaced(args: unknown[], path: readonly (string | number)[], value: unknown): unknown[] {
  const copy = structuredClone(args);
  let target: Record<string | number, unknown> = copy as unknown as Record<number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

describe("the engine's boundary (issue 12 §6) — properties", () => {
  it('valid requests are judged by the rules, never refused as malformed', () => {
    for (const [method, valid] of Object.entries(VALID)) {
      const result = METHODS[method]!.call(engine, valid()) as { findings: readonly Finding[] };
      expect(codes(result.findings), method).not.toContain('PR8100');
    }
  });

  it('any values at all: a refusal, never an exception, never allowed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(METHODS)),
        fc.array(fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true }), {
          minLength: 5,
          maxLength: 5,
        }),
        (method, args) => {
          const { arity, call } = METHODS[method]!;
          expectRefused(call(engine, args.slice(0, arity)));
        },
      ),
      { seed: 42, numRuns },
    );
  });

  it('a near miss (one field of a valid request wrong): refused with PR8100, never an exception', () => {
    const cases = Object.entries(NEAR).flatMap(([method, paths]) => paths.map((path) => ({ method, path })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), WRONG, ({ method, path }, value) => {
        if (fits(method, path, value)) return;
        const args = replaced(VALID[method]!(), path, value);
        const findings = expectRefused(METHODS[method]!.call(engine, args));
        expect(codes(findings), `${method} ${path.join('.')} = ${String(value)}`).toContain('PR8100');
      }),
      { seed: 42, numRuns: Math.max(numRuns, 600) },
    );
  });

  it('the low-level decision functions core exports: any values at all, a refusal, never an exception', () => {
    const effective = magong();
    const LOW_LEVEL: Readonly<Record<string, (args: readonly unknown[]) => unknown>> = {
      checkUpload: ([e, a]) => checkUpload(e as never, a as never),
      checkSelection: ([e, a]) => checkSelection(e as never, a as never),
      selectItem: ([e, a]) => selectItem(e as never, a as never),
      deselectItem: ([, a]) => deselectItem(a as never),
      transition: ([e, a, b, c, d]) =>
        transition(a as never, b as never, c as never, d as never, { effective: e } as never),
      submitRoster: ([e, a]) => submitRoster(e as never, a as never),
      receiptTransition: ([e, a, b, c, d]) =>
        receiptTransition(a as never, b as never, c as never, d as never, { effective: e } as never),
      checkReceiptPeriod: ([e, a]) => checkReceiptPeriod(e as never, a as never),
      finalSubmit: ([e, a]) => finalSubmit(e as never, a as never),
      leaverNotices: ([e, a, b]) => leaverNotices(e as never, a as never, b as never),
      isOpen: ([e, a, b]) => isOpen(e as never, a as never, b as never),
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(LOW_LEVEL)),
        fc.oneof(fc.constant(effective), fc.anything()),
        fc.array(fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true }), {
          minLength: 4,
          maxLength: 4,
        }),
        (name, pack, args) => {
          expect(codes(expectRefused(LOW_LEVEL[name]!([pack, ...args]))), name).toContain('PR8100');
        },
      ),
      { seed: 42, numRuns },
    );
  });

  it('an engine made of something that is not a pack refuses everything', () => {
    for (const input of [undefined, null, 42, {}, { versions: [{}] }, { versions: 'x' }]) {
      const broken = createEngine(input as never);
      expect(broken.effectiveFor('11201')).toBeUndefined();
      for (const [method, valid] of Object.entries(VALID))
        expect(codes(expectRefused(METHODS[method]!.call(broken, valid())))).toContain('PR8100');
    }
  });
});
