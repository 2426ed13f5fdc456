/**
 * The media router over a real migrated database and a disk store in a temporary folder: upload a
 * photo with EXIF GPS, read back the stored (metadata-free) image and thumbnail with their headers,
 * and the refusals a resident can cause.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  importCityPack,
  readCityPack,
  submitRequest,
  type TestDatabase,
} from '@civicdesk/api';
import { deleteAbandonedMedia, diskMediaStore, mediaRoutes, type MediaApp } from '@civicdesk/api/media';

const springfield = fileURLToPath(new URL('../../examples/springfield', import.meta.url));
const publicUrl = 'https://311.springfield.example';
const now = new Date('2026-12-04T17:00:00.000Z');

let db: TestDatabase;
let folder: string;
let http: Hono;
let app: MediaApp;

beforeAll(async () => {
  db = await createTestDatabase('media_routes');
  await importCityPack(db.prisma, readCityPack(springfield));
  folder = mkdtempSync(join(tmpdir(), 'civicdesk-media-'));
  app = {
    db: db.prisma,
    now: () => now,
    config: { publicUrl },
    media: { store: diskMediaStore(folder), maxBytes: 200_000 },
  };
  http = new Hono().route('/', mediaRoutes(app));
});
afterAll(() => db?.drop());

async function photoWithGps(): Promise<Buffer> {
  const pixels = Buffer.alloc(800 * 600 * 3, 0);
  for (let i = 0; i < pixels.length; i += 3) pixels[i] = (i / 3) % 256;
  return sharp(pixels, { raw: { width: 800, height: 600, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Resident phone' },
      IFD2: { DateTimeOriginal: '2026:12:03 15:20:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 47/1 54/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '89/1 39/1 0/1',
      },
    })
    .toBuffer();
}

function upload(bytes: Uint8Array, name: string, type = 'image/jpeg', field = 'media') {
  const form = new FormData();
  form.set(field, new File([new Uint8Array(bytes)], name, { type }));
  return http.request('/media', { method: 'POST', body: form });
}

describe('POST /media and GET /media/:file', () => {
  it('stores a photo, answers its URLs and EXIF location, and serves it without metadata', async () => {
    const response = await upload(await photoWithGps(), 'IMG_1234.jpg');
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      id: string;
      url: string;
      thumbnail_url: string;
      exif_location: { lat: number; long: number };
      captured_at: string;
    };
    expect(body.url).toBe(`${publicUrl}/media/${body.id}.jpg`);
    expect(body.thumbnail_url).toBe(`${publicUrl}/media/${body.id}-thumb.jpg`);
    expect(body.exif_location).toEqual({ lat: 39.7983333, long: -89.65 });
    expect(body.captured_at).toBe('2026-12-03T21:20:00.000Z');

    const row = await db.prisma.media.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      jurisdictionId: 'springfield.gov',
      requestId: null,
      contentType: 'image/jpeg',
      width: 800,
      height: 600,
      exifLat: 39.7983333,
      exifLong: -89.65,
      originalName: 'IMG_1234.jpg',
      createdAt: now,
    });
    expect(readdirSync(folder).sort()).toContain(`${body.id}.jpg`);

    const image = await http.request(new URL(body.url).pathname);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    const served = Buffer.from(await image.arrayBuffer());
    expect(served.length).toBe(row.sizeBytes);
    const meta = await sharp(served).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([800, 600, undefined]);

    const thumbnail = await http.request(new URL(body.thumbnail_url).pathname);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    const thumbMeta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([320, 240]);

    const again = await http.request(new URL(body.url).pathname, {
      headers: { 'If-None-Match': image.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('refuses a PDF that claims to be a JPEG, naming the field and what to attach', async () => {
    const before = await db.prisma.media.count();
    const response = await upload(Buffer.from('%PDF-1.4\n%âãÏÓ\n'), 'scan.jpg', 'image/jpeg');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ field: 'media', message: 'media: this file is a PDF; attach a JPEG, PNG or HEIC photo' }],
    });
    expect(await db.prisma.media.count()).toBe(before);
  });

  it('refuses a photo over the configured limit with its size', async () => {
    const big = Buffer.concat([await photoWithGps(), Buffer.alloc(300_000)]);
    const response = await upload(big, 'huge.jpg');
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors[0]?.field).toBe('media');
    expect(body.errors[0]?.message).toMatch(/^media: the photo is \d+ kB; the limit is 200 kB\./);
  });

  it('asks for the media field when it is missing', async () => {
    const response = await upload(await photoWithGps(), 'x.jpg', 'image/jpeg', 'photo');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          field: 'media',
          message: 'media: attach a photo (JPEG, PNG or HEIC) in the form field named media',
        },
      ],
    });
  });

  it('answers 404 for unknown photos and for anything that is not a media key', async () => {
    for (const path of [
      '/media/0b0e4a52-7f55-4b61-9d53-2f1c2a7e9c11.jpg',
      '/media/..%2F..%2Fetc%2Fpasswd',
      '/media/%2Fetc%2Fpasswd',
      '/media/x.jpg%00.png',
    ]) {
      const response = await http.request(path);
      expect(response.status, path).toBe(404);
    }
  });

  it('deletes photos no request used once they are old enough, keeping attached ones', async () => {
    const pothole = await db.prisma.service.findFirstOrThrow({ where: { code: 'pothole' } });
    const request = await db.prisma.serviceRequest.create({
      data: {
        jurisdictionId: 'springfield.gov',
        serviceId: pothole.id,
        departmentId: pothole.departmentId,
        channel: 'web',
      },
    });
    const kept = (await (await upload(await photoWithGps(), 'kept.jpg')).json()) as {
      id: string;
      url: string;
    };
    await db.prisma.media.update({ where: { id: kept.id }, data: { requestId: request.id } });
    const unattached = await db.prisma.media.findMany({ where: { requestId: null } });
    expect(unattached.length).toBeGreaterThan(0);

    expect(await deleteAbandonedMedia(app, now)).toBe(0); // none is older than "now" yet
    expect(await deleteAbandonedMedia(app, new Date(now.getTime() + 1))).toBe(unattached.length);
    expect(await db.prisma.media.findMany({ select: { id: true } })).toEqual([{ id: kept.id }]);
    expect(readdirSync(folder).sort()).toEqual([`${kept.id}-thumb.jpg`, `${kept.id}.jpg`]);
    expect((await http.request(new URL(kept.url).pathname)).status).toBe(200);
  });
});

describe('a report naming an uploaded photo by its URL', () => {
  it('attaches the photo to the request, so the clean-up of abandoned uploads keeps it', async () => {
    const uploaded = (await (await upload(await photoWithGps(), 'pothole.jpg')).json()) as {
      id: string;
      url: string;
    };
    const filed = await submitRequest(
      db.prisma,
      'springfield.gov',
      {
        service_code: 'pothole',
        lat: 39.7817,
        long: -89.6501,
        description: 'Deep hole by the bus stop',
        attributes: { depth_cm: '8', location_type: 'road' },
        media_url: uploaded.url,
        channel: 'web',
      },
      now,
    );
    expect(filed.ok).toBe(true);
    const id = filed.ok ? BigInt(filed.request.id) : null;
    expect((await db.prisma.media.findUniqueOrThrow({ where: { id: uploaded.id } })).requestId).toBe(id);

    await deleteAbandonedMedia(app, new Date(now.getTime() + 365 * 86_400_000));
    expect(await db.prisma.media.findUnique({ where: { id: uploaded.id } })).not.toBeNull();
    expect(readdirSync(folder)).toContain(`${uploaded.id}.jpg`);
  });
});
