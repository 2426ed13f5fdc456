// Determinism guard for code that runs inside Temporal workflows or the pure core: no clocks, randomness,
// timers, Node built-ins or I/O, and activities imported as types only. Include it from the root
// eslint.config.js after typescript-eslint's configs: `...engineWorkflowRules` (see engine/README note).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const workflowFiles = ['engine/src/temporal/workflows*.ts'];
const coreFiles = ['engine/src/core/**/*.ts'];
const tests = ['**/*.test.ts'];

const nodeBuiltins = {
  paths: builtinModules.map((name) => ({
    name,
    message: 'Workflow and core code must not touch Node built-ins (I/O).',
  })),
  patterns: [{ group: ['node:*'], message: 'Workflow and core code must not touch Node built-ins (I/O).' }],
};
const typeOnly = (group, message) => ({ group, message, allowTypeImports: true });

/** @type {import('eslint').Linter.Config[]} */
export default [
  {
    name: 'civicdesk/engine-determinism',
    files: [...workflowFiles, ...coreFiles],
    ignores: tests,
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Date', 'performance'].map((name) => ({
          name,
          message: 'No clock here: time comes in through events or activities.',
        })),
        ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'].map((name) => ({
          name,
          message: 'No timers here: use the workflow `sleep`/`condition`, or a wait node.',
        })),
        ...['process', 'require', 'fetch', 'crypto', 'XMLHttpRequest', 'WebSocket'].map((name) => ({
          name,
          message: 'No environment or I/O here: do it in an activity.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'No randomness here: it breaks replay.' },
        { object: 'globalThis', property: 'Date', message: 'No clock here.' },
      ],
    },
  },
  {
    name: 'civicdesk/engine-workflow-imports',
    files: workflowFiles,
    ignores: tests,
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.paths,
            ...['@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'json-rules-engine'].map(
              (name) => ({
                name,
                message:
                  'Not bundleable into workflow code (json-rules-engine pulls node:vm); call it through an activity.',
              }),
            ),
          ],
          patterns: [
            ...nodeBuiltins.patterns,
            typeOnly(
              ['**/activities', '**/activities.js'],
              "Import activities as types only: `import type { RequestActivities } from './activities.js'`.",
            ),
            typeOnly(['**/rules', '**/rules/*'], 'Rules run in a local activity; import their types only.'),
          ],
        },
      ],
    },
  },
  {
    name: 'civicdesk/engine-core-imports',
    files: coreFiles,
    ignores: tests,
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.paths,
            {
              name: '@civicdesk/schemas',
              allowTypeImports: true,
              message: 'The core takes types from schemas, never zod at runtime.',
            },
          ],
          patterns: [
            ...nodeBuiltins.patterns,
            {
              group: ['@temporalio/*', 'zod', 'json-rules-engine'],
              message: 'The core is pure: no Temporal, zod or rules engine.',
            },
            { group: ['../*', '!../core'], message: 'The core depends on nothing else in the engine.' },
          ],
        },
      ],
    },
  },
];
