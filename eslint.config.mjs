// The lint gate (`npm run lint`, part of `npm test`): typescript-eslint's type-checked rules, with the project's own
// rules on top: no floating or misused promises, short functions, no default exports, and a core that never imports
// `vscode` (src/core is shared by the extension, the CLI and plain-Node tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'out-bench/**', 'node_modules/**', '.vscode-test/**', 'scripts/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core never imports vscode: the CLI and plain-Node tests use it.' }],
        patterns: [{ group: ['**/extension/**', '**/cli/**'], message: 'src/core never reaches into the extension or the CLI.' }],
      }],
    },
  },
  {
    // Tests: mocha's describe/it callbacks are long by nature, and assertions on parsed JSON are untyped.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
