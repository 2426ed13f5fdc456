/**
 * A small real file system for the disk-full drill: a tmpfs mounted over the media folder (needs
 * root or CAP_SYS_ADMIN), with a ballast file that leaves only a little room, so residents' photos
 * fill it; removing the ballast is the operator freeing space.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BALLAST = 'ballast.bin';

export interface SmallDisk {
  folder: string;
  /** Bytes still free on the file system. */
  free(): number;
  /** Leaves only `bytes` free by writing the ballast file. */
  leaveFree(bytes: number): void;
  /** The operator frees space: the ballast goes. */
  freeSpace(): void;
  /** The media files on the disk (the ballast excluded). */
  files(): string[];
  unmount(): Promise<void>;
}

/** Mounts a tmpfs of `sizeBytes` on `folder`; answers `{ refused }` with the reason where mounting is not allowed. */
export async function mountSmallDisk(
  folder: string,
  sizeBytes: number,
): Promise<SmallDisk | { refused: string }> {
  mkdirSync(folder, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', folder]);
  } catch (error) {
    return { refused: `mount -t tmpfs failed (run as root or with CAP_SYS_ADMIN): ${String(error)}` };
  }
  const free = () => {
    const s = statfsSync(folder);
    return s.bavail * s.bsize;
  };
  return {
    folder,
    free,
    leaveFree(bytes) {
      writeFileSync(join(folder, BALLAST), Buffer.alloc(Math.max(0, free() - bytes)));
    },
    freeSpace: () => rmSync(join(folder, BALLAST), { force: true }),
    files: () => readdirSync(folder).filter((f) => f !== BALLAST),
    async unmount() {
      await run('umount', [folder]);
    },
  };
}
