// ESLint for Factdesk: typescript-eslint's recommended rules, React's hooks rules for the renderer,
// Lexical's $-function rules where Lexical is used. Formatting is Prettier's job (.prettierrc.json);
// no rule here is about layout.
import js from '@eslint/js';
import lexical from '@lexical/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @lexical/eslint-plugin has no 0.52.0 release. 0.53.0 is the newest stable one; it declares
// eslint >= 9 and typescript >= 5.2 and has no dependency on the lexical runtime, and its one rule
// (rules-of-lexical: $-functions only inside update/read/$-functions) is the same convention 0.52.0 has.

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Reasoned rule choices (each turned off or relaxed on purpose):
      // - An unused argument or caught error named with a leading _ is a deliberate placeholder
      //   (handler signatures (input, ctx), array holes); anything else unused is an error.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // The renderer runs in the browser (and the shared code in both).
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      // - set-state-in-effect: the panes load over the contract in effects (`void load()` sets state after an
      //   await) and reset view state when their key changes; the rule cannot tell either from a render
      //   cascade, and without the React Compiler the cost is one extra render on a key change.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Lexical's $-function convention applies where editor code is written: the renderer's editor
    // and the shared code that builds or reads editor states.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts', 'src/main/**/*.ts'],
    ...lexical.configs.recommended,
  },
);
