/**
 * The portal and designer built once for a whole test run, not once per browser test file: builds
 * cost ~20 s each on a small machine, and Vite refuses two builds of one project at the same time
 * ("Found another Vite build process"), which made parallel browser test files fail at random.
 * The build is cached by a fingerprint of the sources; a lock directory lets one process build
 * while the others wait for it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheRoot = join(tmpdir(), 'civicdesk-web-builds');
const webApps = ['portal', 'designer'] as const;
/** A lock older than this belongs to a build that died; the next caller takes over. */
const staleLockMs = 5 * 60_000;

/** Paths, sizes and modification times of everything a web build reads from this repository. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  for (const folder of [...webApps, 'schemas']) walk(join(root, folder));
  return hash.digest('hex').slice(0, 16);
}

function buildInto(dir: string) {
  for (const app of webApps) {
    execFileSync(
      'pnpm',
      ['exec', 'vite', 'build', '--outDir', join(dir, app), '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: join(root, app), stdio: 'pipe' },
    );
  }
}

/** A STATIC_DIR holding `portal/` and `designer/` built from the current sources (shared; never delete it). */
export async function builtWebApps(): Promise<string> {
  mkdirSync(cacheRoot, { recursive: true });
  const fingerprint = sourceFingerprint();
  const dir = join(cacheRoot, fingerprint);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, 'designer', 'index.html'))) return dir;
    try {
      mkdirSync(lock);
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > staleLockMs) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      const building = `${dir}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      buildInto(building);
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      // Builds of older sources are of no use any more.
      for (const old of readdirSync(cacheRoot))
        if (!old.startsWith(fingerprint)) rmSync(join(cacheRoot, old), { recursive: true, force: true });
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
