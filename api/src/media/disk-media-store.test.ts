import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskMediaStore } from './disk-media-store.js';
import { mediaKey, parseMediaKey, type MediaKey } from './media-key.js';
import { MediaStoreFullError } from './media-store-full.js';

const id = '0b0e4a52-7f55-4b61-9d53-2f1c2a7e9c11';

describe('media keys', () => {
  it('are built from a uuid, a variant and a fixed extension only', () => {
    expect(mediaKey(id, 'original', 'png')).toBe(`${id}.png`);
    expect(mediaKey(id, 'thumbnail', 'png')).toBe(`${id}-thumb.jpg`);
    expect(() => mediaKey('../../etc/passwd', 'original', 'jpg')).toThrow(/Not a media id/);
  });

  it('refuse every path trick in untrusted text', () => {
    for (const text of [
      '../../etc/passwd',
      '/etc/passwd',
      `../${id}.jpg`,
      `${id}.jpg/../x`,
      `${id}.jpg\u0000.png`,
      `${id}.JPG`,
      `${id}.jpeg`,
      `${id}.svg`,
      '',
    ])
      expect(parseMediaKey(text)).toBeNull();
    expect(parseMediaKey(`${id}-thumb.jpg`)).toBe(`${id}-thumb.jpg`);
  });
});

describe('diskMediaStore', () => {
  it('puts, gets and deletes bytes inside its folder', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'media-')), 'photos');
    const store = diskMediaStore(folder);
    const key = mediaKey(id, 'original', 'jpg');
    await store.put(key, new Uint8Array([1, 2, 3]), 'image/jpeg');
    expect(readdirSync(folder)).toEqual([key]);
    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it('refuses a forged key even when the type check is bypassed, and writes nothing outside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'media-'));
    const folder = join(root, 'photos');
    const store = diskMediaStore(folder);
    const forged = `../escaped-${id}.jpg` as MediaKey;
    await expect(store.put(forged, new Uint8Array([1]), 'image/jpeg')).rejects.toThrow(/invalid media key/);
    await expect(store.get('/etc/passwd' as MediaKey)).rejects.toThrow(/invalid media key/);
    await expect(store.delete('../../etc/passwd' as MediaKey)).rejects.toThrow(/invalid media key/);
    expect(existsSync(join(dirname(folder), `escaped-${id}.jpg`))).toBe(false);
  });
});

/** A 64 kB tmpfs for the disk-full case; null where this process may not mount (not root, no CAP_SYS_ADMIN). */
function smallDisk(): { folder: string; unmount(): void } | null {
  const folder = mkdtempSync(join(tmpdir(), 'media-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return { folder, unmount: () => execFileSync('umount', [folder]) };
}

describe('diskMediaStore on a full disk', () => {
  const disk = smallDisk();
  it.skipIf(disk === null)(
    'refuses with MediaStoreFullError, leaves no half-written file, and stores again once space frees',
    async () => {
      const store = diskMediaStore(disk!.folder);
      try {
        const photo = new Uint8Array(20_000).fill(7);
        const keys = [1, 2, 3, 4, 5].map((n) => mediaKey(id.replace(/1$/, String(n)), 'original', 'jpg'));
        const results = await Promise.allSettled(keys.map((k) => store.put(k, photo, 'image/jpeg')));
        const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect(refused.length).toBeGreaterThan(0);
        for (const reason of refused) expect(reason).toBeInstanceOf(MediaStoreFullError);
        const kept = readdirSync(disk!.folder);
        expect(kept.filter((f) => f.endsWith('.tmp'))).toEqual([]);
        expect(kept).toHaveLength(results.length - refused.length);
        for (const name of kept) expect(await store.get(name as MediaKey)).toEqual(photo);
        for (const name of kept) await store.delete(name as MediaKey);
        await store.put(keys[0]!, photo, 'image/jpeg');
        expect(readdirSync(disk!.folder)).toEqual([keys[0]]);
      } finally {
        disk!.unmount();
      }
    },
  );
});
