// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import plenary from './eslint/noLiteralUiText.js';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'e2e/output/**', 'data/**', '**/*.tsbuildinfo'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      // The domain is pure: clock and randomness come in through ctx.
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the clock in through ctx.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in through ctx.' },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['client/src/**/*.tsx'],
    plugins: { plenary },
    rules: {
      // Every user-visible string goes through i18n (client/src/i18n): JSX text, literals in
      // JSX children and in attributes people read or hear (eslint/noLiteralUiText.js).
      'plenary/no-literal-ui-text': 'error',
      // The server words its errors in English for logs; people see them in their language.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='message'][object.type='MemberExpression'][object.property.name='error']",
          message: 'Show an error with describeError(t, error) (client/src/i18n/describeError.ts): the server’s message is English.',
        },
      ],
    },
  },
);
