import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Where typescript-eslint's type-aware `strictTypeChecked` rules apply (issue 13 §3): every package's,
 * example's, school helper's and doc's source but the vendor service's PostgreSQL adapter (src/db).
 */
const TYPED = {
  files: ['packages/*/src/**/*.ts', 'examples/*/src/**/*.ts', 'schools/_lib/**/*.ts', 'docs/*.ts'],
  ignores: ['**/*.test.ts', 'examples/vendor-service/src/db/**'],
};

/**
 * Where the type-aware `recommendedTypeChecked` rules apply: tests and their helpers, benchmarks and
 * fuzzers, and the PostgreSQL adapter. No `any` goes unchecked there either — what `JSON.parse` returns
 * is typed by the tests' helpers (packages/cli/test/json.ts: the CLI's own output types), pg's rows once
 * at the driver — but the strict set's stricter style (no `!` on an expected value) is for the sources.
 * The `.mjs` scripts (scripts/, bench/) get `js.configs.recommended`, which applies to every file.
 */
const TYPED_RECOMMENDED = {
  files: [
    '**/*.test.ts',
    'packages/*/test/**/*.ts',
    'examples/*/test/**/*.ts',
    'examples/vendor-service/src/db/**/*.ts',
    'examples/*.ts',
    'tests/**/*.ts',
    'bench/**/*.ts',
    'scripts/**/*.ts',
  ],
};

const projectService = {
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      '.tmp/**',
      'out/**',
      'packages/cli/regional/**',
      'packages/cli/template/**',
      'packages/packs/schools/**',
      'packages/packs/resolved/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, ...TYPED })),
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, ...TYPED_RECOMMENDED })),
  { ...TYPED_RECOMMENDED, ...projectService },
  {
    ...TYPED,
    ...projectService,
    rules: {
      // Counts, years and line numbers go into our messages and paths on purpose (`${p.records} record(s)`,
      // `terms.${t}.anchors`): a number prints as itself. Anything else (undefined, an object, a union
      // with them) must still be turned into text deliberately.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `return done(x);` in a function that returns void, and `(x) => visit(x)` where a callback's result
      // is ignored, say "do this and stop": the rule still catches a void result used as a value.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreVoidReturningFunctions: true }],
      // `[...text]` splits text into code points, which is what our widths, diffs and charts count
      // (a CJK character is one code point); grapheme clusters are not what the documents need.
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
    },
  },
  {
    languageOptions: {
      // Node's globals; core's own rules below keep it pure whatever is in scope.
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'Buffer',
          'TextDecoder',
          'TextEncoder',
          'performance',
          'setTimeout',
          'clearTimeout',
          'setImmediate',
          'queueMicrotask',
          'structuredClone',
          'globalThis',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='config']",
          message: "z.config() is global: it would change a vendor's own zod.",
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'core is pure: time is passed in, never read from the clock.',
        },
        {
          selector: 'MemberExpression[object.name="Date"][property.name="now"]',
          message: 'core is pure: time is passed in, never read from the clock.',
        },
        {
          selector: 'MemberExpression[object.name="Math"][property.name="random"]',
          message: 'core is pure: no hidden randomness.',
        },
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='config']",
          message: "z.config() is global: it would change a vendor's own zod.",
        },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'child_process'] }],
    },
  },
);
