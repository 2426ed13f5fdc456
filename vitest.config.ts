// One vitest run covers every package. Integration tests expect PostgreSQL and Temporal to be up:
// `pnpm test` (scripts/test.sh) starts them first.
import { defineConfig } from 'vitest/config';

const unit = (name: string) => ({
  extends: true,
  test: { name, root: `./${name}`, include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'] },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      unit('schemas'),
      unit('engine'),
      unit('api'),
      unit('designer'),
      unit('portal'),
      { extends: true, test: { name: 'scripts', root: './scripts', include: ['**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'tests', root: './tests', include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
      },
    ],
  },
});
