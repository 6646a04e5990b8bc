import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  effectiveFor,
  evaluateRules,
  FACT_PATHS,
  type Facts,
  studentFacts,
  studentTermFacts,
  validatePack,
} from '../../packages/core/src';
import { ALLOWED_OPERATORS } from '../../packages/core/src/expressions/check';
import { expectWellFormedFinding, fuzz, TARGET_TIMEOUT_MS } from './harness';
import { HOSTILE_VALUES } from './mutate';

// Custom rules (json-logic) a pack may carry: random expressions of allowed and forbidden
// operators, prototype paths, deep and wide shapes, in a pack validated and then evaluated on facts.
// The static cost bound (PR1027/PR1028) must hold at run time: a rule that validates never spends
// its step budget (PR6104), and the metered evaluation agrees with json-logic's own.

/** json-logic itself, as core depends on it (the monorepo's root does not). */
const jsonLogic = createRequire(new URL('../../packages/core/package.json', import.meta.url))('json-logic-js') as {
  apply(logic: unknown, data: unknown): unknown;
  truthy(value: unknown): boolean;
};

const FORBIDDEN = ['method', 'map', 'reduce', 'filter', 'merge', 'substr', 'log', '__proto__', 'constructor', 'x'];
const PATHS = [
  ...FACT_PATHS,
  '',
  'courseOutcome',
  'student.nickname',
  '__proto__',
  'constructor.prototype',
  'student.__proto__.polluted',
  'toString',
  '0',
];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0, -0, 1.5, 1e21, 2 ** 53, '', 'a', '學', true, false, null),
  fc.constantFrom(...PATHS).map((path) => ({ var: path })),
  fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }),
);

const expression: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    {
      weight: 4,
      arbitrary: fc
        .record({
          operator: fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom(...ALLOWED_OPERATORS) },
            { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN) },
          ),
          args: fc.array(tie('node'), { maxLength: 4 }),
          single: fc.boolean(),
        })
        .map(({ operator, args, single }) => ({ [operator]: single && args.length === 1 ? args[0] : args })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_VALUES.filter((value) => typeof value !== 'string')) },
    // Scoped conditions nested over long lists, the shape whose cost multiplies (around the static bound).
    {
      weight: 1,
      arbitrary: fc
        .record({
          scope: fc.array(fc.constantFrom('all', 'some', 'none'), { minLength: 1, maxLength: 4 }),
          length: fc.nat(40),
          inner: tie('node'),
        })
        .map(({ scope, length, inner }) =>
          scope.reduce<unknown>(
            (when, operator) => ({ [operator]: [Array.from({ length }, (_, i) => i), when] }),
            inner,
          ),
        ),
    },
  ),
})).node;

const RULES = fc.array(fc.record({ when: expression, about: fc.constantFrom(undefined, 'student', 'studentTerm') }), {
  minLength: 1,
  maxLength: 4,
});

const HEAD = 'id: fuzz\nname: 測試規定\ndocument: 測試補充規定\n';
const packOf = (rules: readonly { when: unknown; about?: string | undefined }[]) =>
  `${HEAD}rules:\n${rules
    .map(
      ({ when, about }, index) =>
        `  - id: r${index}\n    when: ${JSON.stringify(when)}\n${about ? `    about: ${about}\n` : ''}` +
        `    message: { zh-TW: 規則 ${index}, en: rule ${index} }\n`,
    )
    .join('')}`;

const STUDENT = { id: 's1', grade: 2, status: 'enrolled' } as const;
const TERM = { year: 112, semester: 1 } as const;
const FACTS: readonly Facts[] = [
  studentTermFacts({ student: STUDENT, term: TERM, items: [], asOf: '2024-02-20' }),
  studentTermFacts({ student: { ...STUDENT, id: 's2', grade: 3 }, term: TERM, items: [], asOf: '2024-02-20' }),
  studentFacts({ student: STUDENT, items: [], asOf: '2024-02-20', academicYear: 112 }),
];

describe('fuzz: custom-rule expressions', () => {
  it(
    'validates or refuses every rule with a code, and a validated rule stays within its budget',
    async () => {
      await fuzz('expressions', RULES, (rules, tally) => {
        const text = packOf(rules);
        const validation = validatePack(text, { file: 'rules.yaml' });
        for (const finding of validation.findings) expectWellFormedFinding(finding, text);
        for (const code of new Set(validation.findings.map((finding) => finding.code))) tally(code);
        if (!validation.resolution || validation.findings.some((finding) => finding.severity === 'error')) return;
        const effective = effectiveFor(validation.resolution, TERM)!;
        const findings = evaluateRules(effective, FACTS);
        expect(JSON.stringify(evaluateRules(effective, FACTS))).toBe(JSON.stringify(findings));
        for (const finding of findings) {
          expectWellFormedFinding(finding, text);
          tally(finding.code);
        }
        expect(
          findings.filter((finding) => finding.code === 'PR6104'),
          'a rule within the static bound ran out of steps',
        ).toEqual([]);
        // The metered evaluation raises a rule exactly where json-logic itself says its condition holds.
        const failed = new Set(findings.filter((finding) => finding.code === 'PR6102').map((finding) => finding.rule));
        const expected = (effective.values.rules ?? []).flatMap((rule) =>
          failed.has(`rules.${rule.id}`)
            ? []
            : FACTS.filter((fact) => fact.about === (rule.about ?? 'studentTerm'))
                .filter((fact) => jsonLogic.truthy(jsonLogic.apply(rule.when, fact.values)))
                .map((fact) => `${rule.id}@${fact.subject}`),
        );
        const raised = findings
          .filter((finding) => finding.code === 'PR6100')
          .map((finding) => `${(finding.data as { id: string }).id}@${finding.subject}`);
        expect(raised).toEqual(expected);
      });
    },
    TARGET_TIMEOUT_MS,
  );
});
