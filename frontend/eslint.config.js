// ESLint (flat config): typescript-eslint, the rules of hooks, and jsx-a11y for the screens.
// `npm run lint` (and so `make lint`) runs it; src/client/ is generated and not linted.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/client/', 'e2e/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // about the React Compiler, which this build does not use (react-hook-form's watch() is fine here)
      'react-hooks/incompatible-library': 'off',
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['src/**/*.tsx'],
    rules: {
      // a labelled scrollable region is focusable so that keyboard users can scroll it (axe asks for it)
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: [] }],
    },
  },
  { files: ['*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  {
    files: ['*.{js,ts,mjs}', 'build/**', 'scripts/**', 'src/**/*.test.{ts,tsx}', 'src/test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
