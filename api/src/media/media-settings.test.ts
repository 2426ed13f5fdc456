import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaKey } from './media-key.js';
import { createMediaSettings, mediaConfigSchema } from './media-settings.js';

describe('createMediaSettings', () => {
  it('stores on disk in MEDIA_DIR with a 10 MB limit by default', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'media-settings-')), 'media');
    const settings = createMediaSettings({ MEDIA_DIR: folder });
    expect(settings.maxBytes).toBe(10_000_000);
    await settings.store.put(
      mediaKey('0b0e4a52-7f55-4b61-9d53-2f1c2a7e9c11', 'thumbnail', 'jpg'),
      new Uint8Array([1]),
      'image/jpeg',
    );
    expect(readdirSync(folder)).toEqual(['0b0e4a52-7f55-4b61-9d53-2f1c2a7e9c11-thumb.jpg']);
  });

  it('explains a bad limit or endpoint by variable name', () => {
    const parsed = mediaConfigSchema.safeParse({ MEDIA_MAX_BYTES: 'ten', MEDIA_S3_ENDPOINT: 'minio' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'MEDIA_MAX_BYTES',
      'MEDIA_S3_ENDPOINT',
    ]);
  });
});
