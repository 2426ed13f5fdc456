/**
 * MediaStore over a local folder: one file per key, written atomically (temp file + rename). A write
 * that fails (e.g. the disk is full) removes its temp file, so nothing half-written stays behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { parseMediaKey, type MediaKey } from './media-key.js';
import { isNoRoomError, MediaStoreFullError } from './media-store-full.js';
import type { MediaStore } from './media-store.port.js';

/** A store that keeps photos as files directly inside `folder` (created when missing). */
export function diskMediaStore(folder: string): MediaStore {
  const root = resolve(folder);
  const ready = mkdir(root, { recursive: true });

  // Keys are already checked by type; this second check holds even for a key forged with a cast.
  const pathOf = (key: MediaKey) => {
    const checked = parseMediaKey(key);
    const path = checked === null ? null : resolve(root, checked);
    if (path === null || !path.startsWith(root + sep)) throw new Error('Refused an invalid media key');
    return path;
  };

  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await ready;
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw isNoRoomError(error) ? new MediaStoreFullError({ cause: error }) : error;
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
