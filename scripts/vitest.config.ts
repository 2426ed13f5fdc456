// Tests of the repository's own scripts (service starters). Run on their own with
//   pnpm exec vitest run --config scripts/vitest.config.ts
// or add this project to the root vitest.config.ts:
//   { test: { name: 'scripts', root: './scripts', include: ['**/*.test.ts'] } }
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/scripts', import.meta.url)),
  test: {
    name: 'scripts',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    testTimeout: 120_000,
  },
});
