// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {ignores: ['build/', '.docusaurus/', 'node_modules/', 'bench/.work/', 'bench/results/', '.cache/', 'static/']},
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
      globals: {...globals.node, ...globals.browser},
    },
    linterOptions: {reportUnusedDisableDirectives: 'error'},
    rules: {
      // A dangling promise in a build step or a test hides a failure.
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test registers suites and tests synchronously; their promises only report what the runner already reports.
        {allowForKnownSafeCalls: [{from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite']}]},
      ],
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked},
  prettier,
);
