import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', 'dist', '.tmp', 'test-results', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test()/describe() return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts (loaded once at start-up).' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/*/**', '../../features/*', '../features/*'], message: 'Features must not import each other; move shared code to web/src/lib or web/src/components.' }] },
      ],
    },
  },
  // Server layers (also checked, with import cycles, by test/unit/boundaries.test.ts):
  // domain ← policies ← repositories ← services ← http/cli, one direction.
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!../domain/*'], message: 'src/domain is pure: it imports only src/domain.' }] }] },
  },
  {
    files: ['src/policies/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!../domain', '!../domain/*'], message: 'Policies are pure: they import only src/domain and each other.' }] }] },
  },
  {
    files: ['src/repositories/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../services/*', '../http/*', '../cli/*'], message: 'Repositories hold queries; they do not call services or HTTP.' }] }] },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../http/*', '../cli/*'], message: 'Services do not know HTTP or the command line.' }] }] },
  },
  {
    // Test, bench and the CLI entry read process.env on purpose (test database selection, flags).
    files: ['test/**', 'bench/**', 'scripts/**', 'bin/**', 'web/vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { ...globals.node } } },
);
