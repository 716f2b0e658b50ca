// Lint (`npm run lint`, part of `npm test`): typescript-eslint with type information from the
// three tsconfig projects, limited to rules that catch real bugs or keep the one-contract rule:
// a promise nobody awaits, a promise passed where a callback's result is ignored, a switch that
// misses a case of a union, a runtime import of a type, and `any`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tests/artifacts/**', 'bin/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.browser.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Kysely's documented migration type is Kysely<any>: a migration must not see today's schema.
    files: ['server/store/*migration*.ts', 'tests/unit/store-migrations.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
