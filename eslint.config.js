// ESLint (flat config; `npm run lint:code`, part of `npm test`): typescript-eslint's recommended rules over every
// TypeScript file we write.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**'] },
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a binding kept on purpose (a required parameter, a value left out of a rest copy),
      // as TypeScript's own noUnusedParameters reads it.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `let { text, plan } = …` where only `text` changes later stays one declaration.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
);
