// Runs `prisma generate` without Prisma's downloaded schema engine (see README, "Prisma offline").
// The CLI skips its engine download when PRISMA_SCHEMA_ENGINE_BINARY names an existing file; `generate`
// never executes it, so a stub that exits 1 is enough and makes any accidental use fail loudly.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(apiDir, 'node_modules', '.cache', 'prisma-no-schema-engine');
if (!existsSync(stub)) {
  mkdirSync(dirname(stub), { recursive: true });
  writeFileSync(
    stub,
    '#!/bin/sh\necho "CivicDesk does not use Prisma\'s schema engine; migrations are SQL files applied by api/src/db/migrate.ts" >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
}
const result = spawnSync('pnpm', ['exec', 'prisma', 'generate'], {
  cwd: apiDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
