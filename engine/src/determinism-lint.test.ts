import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import engineWorkflowRules from '../eslint.workflow-rules.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [
    ...(tseslint.configs.recommended as ESLint.Options['overrideConfig'] & object[]),
    ...engineWorkflowRules,
  ],
});

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('determinism lint (engine/eslint.workflow-rules.js)', () => {
  it.each([
    ['engine/src/temporal/workflows.ts', 'export const now = () => Date.now();', 'no-restricted-globals'],
    [
      'engine/src/temporal/workflows-effects.ts',
      'export const r = Math.random();',
      'no-restricted-properties',
    ],
    ['engine/src/core/step.ts', 'export const t = new Date();', 'no-restricted-globals'],
    ['engine/src/core/step.ts', 'setTimeout(() => 1, 5);', 'no-restricted-globals'],
    [
      'engine/src/core/step.ts',
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      'no-restricted-imports',
    ],
    [
      'engine/src/temporal/workflows.ts',
      "import { createActivities } from './activities.js';\nexport const a = createActivities;",
      'no-restricted-imports',
    ],
    [
      'engine/src/temporal/workflows.ts',
      "import { Engine } from 'json-rules-engine';\nexport const e = Engine;",
      'no-restricted-imports',
    ],
    [
      'engine/src/core/step.ts',
      "import { z } from 'zod';\nexport const s = z.string();",
      'no-restricted-imports',
    ],
    [
      'engine/src/core/step.ts',
      "import { workflowDefinition } from '@civicdesk/schemas';\nexport const d = workflowDefinition;",
      'no-restricted-imports',
    ],
  ])('flags %s: %s', async (file, code, rule) => {
    expect((await problems(code, file)).join('\n')).toContain(rule);
  });

  it('allows type-only imports of activities and schemas, and leaves other files alone', async () => {
    expect(
      await problems(
        "import type { RequestActivities } from './activities.js';\nexport type A = RequestActivities;",
        'engine/src/temporal/workflows.ts',
      ),
    ).toEqual([]);
    expect(
      await problems(
        "import type { WorkflowDefinition } from '@civicdesk/schemas';\nexport type D = WorkflowDefinition;",
        'engine/src/core/step.ts',
      ),
    ).toEqual([]);
    expect(
      await problems('export const now = () => Date.now();', 'engine/src/temporal/activities.ts'),
    ).toEqual([]);
  });

  it('passes on the engine code it guards', async () => {
    const results = await eslint.lintFiles(['engine/src/core/**/*.ts', 'engine/src/temporal/workflows*.ts']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId?.includes('no-restricted'))
        .map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    expect(found).toEqual([]);
  });
});
