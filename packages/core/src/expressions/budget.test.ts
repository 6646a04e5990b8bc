import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack';
import { propertyOptions } from '../../test/arbitraries';
import { deepFreeze, effectiveOf } from '../windows/windows.fixture';
import { EXPRESSION_LIMITS, LONGEST_FACT_LIST, checkExpression, expressionCost } from './check';
import { evaluateRules, factsRead } from './evaluate';
import { type Facts, studentFacts, studentTermFacts } from './facts';
import type { CustomRule } from './schema';

// A pack must not be able to stall an audit: a rule's cost is bounded before it runs (PR1027, and
// PR1028 for a pack's rules together), and counted while it runs (PR6104).

const HEAD = 'id: test\nname: 測試規定\ndocument: 測試補充規定\n';
const range = (length: number) => Array.from({ length }, (_, index) => index);

/** `all` nested `depth` times, each over a list of `length` numbers, around a one-step condition. */
function nestedAll(depth: number, length: number): unknown {
  let when: unknown = { '!!': 1 };
  for (let level = 0; level < depth; level++) when = { all: [range(length), when] };
  return when;
}

/** A pack with the rules, one line each (5,000 fit in the size limit). */
const packWith = (rules: readonly Pick<CustomRule, 'when'>[]) =>
  `${HEAD}rules:\n${rules
    .map(
      (rule, index) =>
        `  - { id: r${index}, when: ${JSON.stringify(rule.when)}, message: { zh-TW: 訊息, en: message } }\n`,
    )
    .join('')}`;

const STUDENT = { id: 's1', grade: 2, status: 'enrolled' } as const;
const FACTS: readonly Facts[] = deepFreeze([
  studentTermFacts({ student: STUDENT, term: { year: 112, semester: 1 }, items: [], asOf: '2024-02-20' }),
  studentTermFacts({
    student: { ...STUDENT, id: 's2' },
    term: { year: 112, semester: 1 },
    items: [],
    asOf: '2024-02-20',
  }),
]);

describe('the static cost bound', () => {
  it('counts each operation once, and a scoped condition once per element of the longest list', () => {
    expect(expressionCost({ '>': [{ var: 'courseOutcome.submitted' }, 0] })).toBe(2);
    expect(expressionCost({ and: [{ '==': [1, 1] }, { '!': { var: 'x' } }] })).toBe(4);
    expect(expressionCost({ some: [[1, 2, 3], { '==': [{ var: '' }, 2] }] })).toBe(1 + 3 * 2);
    expect(expressionCost(nestedAll(2, 4))).toBe(1 + 4 * (1 + 4 * 1));
    expect(expressionCost(7)).toBe(0);
  });

  it('refuses the issue’s rule: 5 nested `all` over 36 elements (PR1027), with the bound and the limit', () => {
    const when = nestedAll(5, 36);
    const { findings, pack } = loadPack(packWith([{ when }]), { file: 'p.yaml' });
    expect(pack).toBeUndefined();
    expect(findings).toMatchObject([
      {
        code: 'PR1027',
        data: { steps: expressionCost(when), limit: EXPRESSION_LIMITS.steps },
        subject: 'rules.0.when',
        position: { file: 'p.yaml', line: 5, column: 15 },
      },
    ]);
    expect(expressionCost(when)).toBeGreaterThan(36 ** 5);
    expect(findings[0]!.message.en).toMatch(
      /^the custom rule may take up to \d+ steps per evaluation, over the limit of 1000/,
    );
  });

  it('accepts a rule just under the limit and refuses the next size', () => {
    // Two nested `some` over n elements: 1 + n × (1 + n × 2) steps, 991 for n = 22 and 1,082 for n = 23.
    const twice = (n: number) => ({ some: [range(n), { some: [range(n), { '==': [{ var: '' }, 1] }] }] });
    expect(expressionCost(twice(22))).toBe(991);
    expect(checkExpression(twice(22))).toEqual([]);
    expect(checkExpression(twice(23))).toEqual([{ kind: 'cost', steps: 1_082, path: [] }]);
  });

  it('refuses a pack whose rules together may take more than the pack limit (PR1028), at `rules:`', () => {
    // Each rule: 1 + 99 × 2 = 199 steps, under the rule limit; 60 of them are 11,940 steps.
    const rule = { when: { some: [range(99), { '==': [{ var: '' }, 1] }] } };
    const { findings } = loadPack(packWith(Array.from({ length: 60 }, () => rule)), { file: 'p.yaml' });
    expect(findings).toMatchObject([
      {
        code: 'PR1028',
        data: { steps: 60 * 199, limit: EXPRESSION_LIMITS.packSteps, rules: 60 },
        subject: 'rules',
        position: { file: 'p.yaml', line: 4, column: 1 },
      },
    ]);
    expect(loadPack(packWith(Array.from({ length: 50 }, () => rule))).findings).toEqual([]);
  });

  it('lets 5,000 one-step rules pass', () => {
    const rules = Array.from({ length: 5_000 }, () => ({ when: { '==': [1, 1] } }));
    expect(loadPack(packWith(rules)).findings).toEqual([]);
  });

  it('rests on facts holding no list longer than LONGEST_FACT_LIST', () => {
    const lists: number[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) lists.push(value.length);
      if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    };
    for (const facts of [
      ...FACTS,
      studentFacts({ student: STUDENT, academicYear: 112, items: [], asOf: '2024-02-20' }),
    ])
      walk(facts.values);
    expect(lists.every((length) => length <= LONGEST_FACT_LIST)).toBe(true);
  });
});

/** Allow-listed json-logic over the documented facts and small literal lists. */
const expression: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.integer({ min: -2, max: 3 }),
    fc.constantFrom('a', ''),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      { var: 'courseOutcome.submitted' },
      { var: 'student.grade' },
      { var: '' },
      { var: 0 },
      { var: ['term.code', 0] },
    ),
  ),
  list: fc.array(tie('node'), { maxLength: 4 }),
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    tie('leaf'),
    tie('list'),
    fc
      .record({
        operator: fc.constantFrom('and', 'or', 'if', '?:', '+', '==', '<', 'max', 'cat', 'in', '!', '!!'),
        args: tie('list'),
      })
      .map(({ operator, args }) => ({ [operator]: args })),
    fc
      .record({ operator: fc.constantFrom('all', 'some', 'none'), list: tie('node'), body: tie('node') })
      .map(({ operator, list, body }) => ({ [operator]: [list, body] })),
    fc.constantFrom({ missing: ['asOf', 'x'] }, { missing_some: [1, ['term.code', 'student.id']] }),
  ),
})).node;

describe('the step budget while evaluating', () => {
  it('never stops a rule within its static bound: the bound holds on any checked rule', () => {
    fc.assert(
      fc.property(expression, (when) => {
        fc.pre(checkExpression(when).filter((problem) => problem.kind !== 'cost').length === 0);
        const effective = {
          ...effectiveOf(''),
          values: { rules: [{ id: 'r', when, message: { 'zh-TW': 'x', en: 'x' } }] },
        };
        const steps = Math.max(1, expressionCost(when));
        const codes = evaluateRules(effective as never, FACTS, { steps }).map((finding) => finding.code);
        expect(codes).not.toContain('PR6104');
      }),
      propertyOptions(500),
    );
  });

  it('stops a rule past the budget once (PR6104), skips it on the other facts, and goes on with the next rule', () => {
    const pack = effectiveOf(`rules:
  - { id: long, when: { some: [[1, 2, 3, 4, 5, 6], { "==": [{ var: "" }, 7] }] }, message: { zh-TW: x, en: x } }
  - { id: short, when: { "==": [1, 1] }, message: { zh-TW: 成立, en: holds } }
`);
    const findings = evaluateRules(pack, FACTS, { steps: 8 });
    expect(findings.map((finding) => [finding.code, finding.subject])).toEqual([
      ['PR6104', 's1@11201'],
      ['PR6100', 's1@11201'],
      ['PR6100', 's2@11201'],
    ]);
    expect(findings[0]).toMatchObject({ severity: 'error', rule: 'rules.long', data: { id: 'long', limit: 8 } });
    expect(findings[0]!.message['zh-TW']).toContain('超過 8 步');
    // The same rule within its budget: 1 + 6 × 2 = 13 steps.
    expect(evaluateRules(pack, FACTS, { steps: 13 }).map((finding) => finding.code)).toEqual(['PR6100', 'PR6100']);
  });

  it('ends a runaway rule at once, whatever reached the effective pack', () => {
    const runaway = {
      ...effectiveOf(''),
      values: { rules: [{ id: 'bomb', when: nestedAll(5, 36), message: { 'zh-TW': 'x', en: 'x' } }] },
    };
    expect(evaluateRules(runaway as never, FACTS).map((finding) => finding.code)).toEqual(['PR6101']);
    const budgeted = evaluateRules(runaway, FACTS, { steps: 10_000_000 });
    expect(budgeted.map((finding) => finding.code)).toEqual(['PR6101']);
  });
});

// Found by the fuzz harness (bench/fuzz): rules that passed validate and then threw on every evaluation (PR6102).
describe('shapes json-logic cannot apply', () => {
  it.each([{ '*': [] }, { missing_some: [] }, { missing_some: [1] }, { missing_some: [1, null] }, { missing_some: 1 }])(
    'refuses %j at load time (PR1024)',
    (when) => {
      const { findings } = loadPack(packWith([{ when }]));
      expect(findings.map((finding) => finding.code)).toEqual(['PR1024']);
    },
  );

  it('still reads the documented forms', () => {
    const rules = [{ when: { '*': [2] } }, { when: { missing_some: [1, ['student.id', 'student.grade']] } }];
    expect(loadPack(packWith(rules)).findings).toEqual([]);
  });
});

/** Facts whose values come from few choices, so that many facts are alike at the paths a rule reads. */
const alikeFacts: fc.Arbitrary<Facts[]> = fc
  .array(
    fc.record({
      id: fc.constantFrom('s1', 's2', 's3'),
      grade: fc.constantFrom(1, 2, 3),
      code: fc.constantFrom(11201, 11202),
      asOf: fc.constantFrom(19700, 19800),
      submitted: fc.constantFrom(0, 1, 2),
      closes: fc.option(fc.constantFrom(19750, 19790), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((rows) =>
    rows.map(({ id, grade, code, asOf, submitted, closes }, index) => ({
      about: 'studentTerm' as const,
      subject: `${id}@${code}#${index}`,
      values: {
        student: { id, grade, division: 'day', status: 'enrolled' },
        academicYear: 112,
        term: { code, year: 112, semester: code % 10 },
        asOf,
        courseOutcome: { uploaded: submitted, draft: 0, submitted, certified: 0, rejected: 0, selected: 0 },
        diversePerformance: { uploaded: 0, selected: 0, schoolEntered: 0 },
        windows: closes === undefined ? {} : { courseOutcomeCertification: { closes } },
      },
    })),
  );

describe('answers kept for facts alike', () => {
  /** A rule reading more paths than the generated expressions do, each a documented fact. */
  const reading = fc.constantFrom(
    { '>': [{ var: 'asOf' }, { var: 'windows.courseOutcomeCertification.closes' }] },
    { and: [{ '==': [{ var: 'student.grade' }, 2] }, { var: ['courseOutcome.submitted', 0] }] },
    { cat: [{ var: 'student.id' }, { var: 'term.code' }] },
    { '!': { var: 'windows.courseOutcomeCertification.closes' } },
  );

  it('gives every fact the answer json-logic gives it alone', () => {
    fc.assert(
      fc.property(fc.oneof(expression, reading), alikeFacts, (when, facts) => {
        fc.pre(checkExpression(when).length === 0);
        const effective = {
          ...effectiveOf(''),
          values: { rules: [{ id: 'r', when, message: { 'zh-TW': 'x', en: 'x' } }] },
        };
        const together = evaluateRules(effective, facts);
        fc.pre(together.every((finding) => finding.code !== 'PR6102' && finding.code !== 'PR6104'));
        const alone = facts.flatMap((fact) => evaluateRules(effective, [fact]));
        const held = (findings: readonly { code: string; subject: string }[]) =>
          findings.filter((finding) => finding.code === 'PR6100').map((finding) => finding.subject);
        expect(held(together)).toEqual(held(alone));
      }),
      propertyOptions(500),
    );
  });

  it('keeps answers only for rules that read documented facts by a fixed path', () => {
    expect(factsRead({ '>': [{ var: 'asOf' }, { var: ['windows.courseOutcomeCertification.closes', 0] }] })).toEqual([
      ['asOf'],
      ['windows', 'courseOutcomeCertification', 'closes'],
    ]);
    expect(factsRead({ '==': [1, 1] })).toEqual([]);
    for (const reader of [
      { var: '' },
      { var: 0 },
      { var: 'student' },
      { missing: ['asOf'] },
      { some: [[1], { var: '' }] },
    ])
      expect(factsRead({ and: [{ var: 'asOf' }, reader] }), JSON.stringify(reader)).toBeUndefined();
  });
});
