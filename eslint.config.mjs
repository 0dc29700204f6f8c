// ESLint (flat config): the recommended JavaScript rules and typescript-eslint's recommended rules
// for TypeScript. `npm run lint`; part of `npm test` and `npm run test:unit`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused names are errors, except a deliberately ignored argument or binding (`_x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Build and test scripts run in Node (CommonJS and ES modules).
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      // Plain CommonJS scripts (esbuild.js) load modules with require(); that is their import.
      '@typescript-eslint/no-require-imports': 'off',
    },
    languageOptions: {
      globals: {
        require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly',
        Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly',
        URLSearchParams: 'readonly', fetch: 'readonly',
      },
    },
  },
);
