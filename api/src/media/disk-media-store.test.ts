import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskMediaStore } from './disk-media-store.js';
import { mediaKey, parseMediaKey, type MediaKey } from './media-key.js';

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
