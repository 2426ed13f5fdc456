import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processUpload, type ProcessedPhoto } from './process-upload.js';
import { makeTestPhoto } from './test-images.js';

const limits = { maxBytes: 10_000_000, timeZone: 'America/Chicago' };
const heicFixture = readFileSync(new URL('./test-fixtures/gps-photo.heic', import.meta.url));

async function accepted(bytes: Uint8Array, name = 'photo.jpg'): Promise<ProcessedPhoto> {
  const result = await processUpload(bytes, name, 'image/jpeg', limits);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.photo;
}

describe('processUpload', () => {
  it('reads GPS and capture time from a JPEG, strips every bit of metadata and makes a 320 px thumbnail', async () => {
    const bytes = await makeTestPhoto({
      width: 1000,
      height: 600,
      gps: { lat: 39.7984667, long: -89.65 },
      takenAt: '2026:07:04 09:15:00',
    });
    expect((await sharp(bytes).metadata()).exif).toBeDefined();

    const photo = await accepted(bytes);

    expect(photo.location).toEqual({ lat: 39.7984667, long: -89.65 });
    // July in Chicago is CDT, UTC-5.
    expect(photo.capturedAt?.toISOString()).toBe('2026-07-04T14:15:00.000Z');
    expect(photo).toMatchObject({ contentType: 'image/jpeg', extension: 'jpg', width: 1000, height: 600 });
    const stored = await sharp(photo.image).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    const thumbnail = await sharp(photo.thumbnail).metadata();
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['jpeg', 320, 192]);
  });

  it('turns a photo upright by its EXIF orientation before dropping the tag', async () => {
    const photo = await accepted(await makeTestPhoto({ width: 400, height: 300, orientation: 6 }));
    expect([photo.width, photo.height]).toEqual([300, 400]);
    expect((await sharp(photo.image).metadata()).orientation).toBeUndefined();
  });

  it('keeps a PNG as PNG, with a JPEG thumbnail and no location', async () => {
    const photo = await accepted(await makeTestPhoto({ format: 'png', width: 200, height: 100 }), 'x.png');
    expect(photo).toMatchObject({ contentType: 'image/png', extension: 'png', width: 200, height: 100 });
    expect(photo.location).toBeUndefined();
    expect((await sharp(photo.image).metadata()).format).toBe('png');
    expect((await sharp(photo.thumbnail).metadata()).format).toBe('jpeg');
  });

  it('converts an iPhone-style HEIC to JPEG and keeps its GPS and capture time', async () => {
    const photo = await accepted(heicFixture, 'IMG_0042.HEIC');
    expect(photo).toMatchObject({ sourceType: 'heic', contentType: 'image/jpeg', width: 96, height: 64 });
    expect(photo.location).toEqual({ lat: 39.8017, long: -89.6436 });
    // November in Chicago is CST, UTC-6.
    expect(photo.capturedAt?.toISOString()).toBe('2026-11-30T22:45:00.000Z');
    const stored = await sharp(photo.image).metadata();
    expect([stored.format, stored.exif]).toEqual(['jpeg', undefined]);
    expect(photo.originalName).toBe('IMG_0042.HEIC');
  });

  it('refuses a PDF by its bytes even when the client calls it a JPEG', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    expect(await processUpload(pdf, 'photo.jpg', 'image/jpeg', limits)).toEqual({
      ok: false,
      errors: [{ field: 'media', message: 'media: this file is a PDF; attach a JPEG, PNG or HEIC photo' }],
    });
  });

  it('names other files it knows and says so when it does not', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const text = Buffer.from('hello, this is not a photo');
    const message = async (bytes: Uint8Array) => {
      const result = await processUpload(bytes, 'a.jpg', 'image/jpeg', limits);
      return result.ok ? null : result.errors[0]?.message;
    };
    expect(await message(gif)).toBe('media: this file is a GIF; attach a JPEG, PNG or HEIC photo');
    expect(await message(text)).toBe(
      'media: this file is not a photo we can read; attach a JPEG, PNG or HEIC photo',
    );
    expect(await message(new Uint8Array())).toBe(
      'media: the file is empty; attach a JPEG, PNG or HEIC photo',
    );
  });

  it('refuses a photo over the size limit, saying both sizes', async () => {
    const bytes = await makeTestPhoto({ width: 800, height: 800 });
    const result = await processUpload(bytes, 'big.jpg', 'image/jpeg', { ...limits, maxBytes: 2_000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(
      /^media: the photo is \d+ kB; the limit is 2 kB\. Attach a smaller photo/,
    );
  });

  it('refuses a damaged JPEG with a message instead of failing', async () => {
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const result = await processUpload(damaged, 'x.jpg', 'image/jpeg', limits);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'media',
          message: 'media: this JPEG could not be read; it may be damaged. Take or export the photo again',
        },
      ],
    });
  });

  it('keeps only the last segment of a client file name, without control characters', async () => {
    const photo = await accepted(await makeTestPhoto({ width: 20, height: 20 }), '../../etc/pass\u0000wd');
    expect(photo.originalName).toBe('passwd');
  });
});
