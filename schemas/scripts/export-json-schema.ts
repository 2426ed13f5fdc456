/**
 * Writes schemas/workflow.schema.json from the DSL, for editors. Run after changing dsl.ts:
 * `pnpm exec tsx schemas/scripts/export-json-schema.ts`; json-schema.test.ts fails while the file is
 * stale. Formatted with the workspace's prettier so `pnpm format:check` stays quiet.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { workflowJsonSchema } from '../src/workflow/json-schema.js';

const target = fileURLToPath(new URL('../workflow.schema.json', import.meta.url));
const options = await resolveConfig(target);
writeFileSync(target, await format(JSON.stringify(workflowJsonSchema()), { ...options, filepath: target }));
console.log(`wrote ${target}`);
