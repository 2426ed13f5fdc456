// Lint: typescript-eslint's recommended rules everywhere, plus a determinism guard for workflow code
// (engine/src/temporal/workflows*): no clocks, randomness, I/O or Node built-ins there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import engineWorkflowRules from './engine/eslint.workflow-rules.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'api/src/db/generated/**', '.civicdesk/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript scripts run on Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...engineWorkflowRules,
);
