/**
 * What a refused upload could leave behind in the media folder and the database: temp files of a
 * write cut short, files no media row names, media rows whose files are missing. All must be 0.
 */
import type { CrashPlatform } from './crash-platform.js';

export interface MediaLeftovers {
  tempFiles: number;
  filesWithoutRow: number;
  rowsWithoutFiles: number;
  /** For the record: media rows and files present. */
  rows: number;
  files: number;
}

/** Compares the files in the media folder (`files`) with the media rows. */
export async function mediaLeftovers(platform: CrashPlatform, files: string[]): Promise<MediaLeftovers> {
  const rows = await platform.app.db.media.findMany({ select: { storageKey: true, thumbnailKey: true } });
  const named = new Set(rows.flatMap((r) => [r.storageKey, r.thumbnailKey]));
  const present = new Set(files);
  return {
    tempFiles: files.filter((f) => f.endsWith('.tmp')).length,
    filesWithoutRow: files.filter((f) => !f.endsWith('.tmp') && !named.has(f)).length,
    rowsWithoutFiles: rows.filter((r) => !present.has(r.storageKey) || !present.has(r.thumbnailKey)).length,
    rows: rows.length,
    files: files.length,
  };
}
