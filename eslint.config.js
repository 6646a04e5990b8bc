import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
