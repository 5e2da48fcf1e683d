// ESLint flat config. The domain-purity rule is the point of this file: shared/domain must not
// reach React, Office, Teams, MSAL or Graph, so the rule is checked, not remembered.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const hostAndUiModules = [
  { group: ['react', 'react-*', 'react/*', '@fluentui/*'], message: 'shared/domain is pure: no React or Fluent UI.' },
  { group: ['@microsoft/office-js', 'office-addin-mock'], message: 'shared/domain is pure: no Office.js.' },
  { group: ['@microsoft/teams-js'], message: 'shared/domain is pure: no Teams SDK.' },
  { group: ['@azure/msal-*'], message: 'shared/domain is pure: no MSAL.' },
  {
    group: ['@microsoft/microsoft-graph-*', '**/graph/**', '**/ui/**', '**/host/**', 'msw', 'msw/*'],
    message: 'shared/domain is pure: no Graph, UI or host code.',
  },
];

// temporal-polyfill is ~54 KB minified: it must not reach the task pane or Teams tab bundles. Runtime code
// reads time zones through Intl (shared/domain/intlZone.ts); tests and the slow reference implementation
// (shared/domain/reference) keep Temporal as the oracle the fast Intl path is compared with.
const temporalPolyfill = {
  group: ['temporal-polyfill', 'temporal-polyfill/*'],
  message:
    'No temporal-polyfill in runtime code: it adds ~54 KB to the browser bundles. Use Intl.DateTimeFormat (see shared/domain/intlZone.ts); only tests, fixtures and shared/domain/reference may use Temporal.',
};
const browserRuntimeFiles = ['shared/**/*.{ts,tsx}', 'addin/**/*.{ts,tsx}', 'teams-app/**/*.{ts,tsx}'];
const notRuntimeFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts', 'shared/domain/reference/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: hostAndUiModules }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/domain reads no globals.' },
        { name: 'document', message: 'shared/domain reads no globals.' },
        { name: 'localStorage', message: 'shared/domain reads no globals.' },
        { name: 'Office', message: 'shared/domain reads no host globals.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain reads no clock: take `now` as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain reads no clock: take `now` as an argument.' },
        { selector: "CallExpression[callee.property.name='now'][callee.object.object.name='Temporal']", message: 'The domain reads no clock: take `now` as an argument.' },
      ],
    },
  },
  {
    // A later `no-restricted-imports` replaces an earlier one for the same file, so the domain's runtime
    // files get both lists below, and its tests keep the domain list above.
    files: browserRuntimeFiles,
    ignores: notRuntimeFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [temporalPolyfill] }] },
  },
  {
    files: ['shared/domain/**/*.ts'],
    ignores: notRuntimeFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [...hostAndUiModules, temporalPolyfill] }] },
  },
  {
    // The demo municipality must be the same for a given seed and "now": no hidden randomness or clock.
    files: ['emulator/demo/**/*.ts', 'emulator/synthetic/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded PRNG (emulator/demo/prng.ts).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The demo takes `now` as an option.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The demo takes `now` as an option.' },
      ],
    },
  },
);
