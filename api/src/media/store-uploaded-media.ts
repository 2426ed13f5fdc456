/**
 * Stores an uploaded photo for a jurisdiction: process it, put the image and thumbnail in the
 * MediaStore, record the `media` row. Channels call this before intake and attach the photo to the
 * request once intake succeeds (or discard it when it fails), so nothing is left half-stored.
 */
import { randomUUID } from 'node:crypto';
import type { FieldError } from '@civicdesk/schemas';
import type { AppContext } from '../app-context.js';
import type { PrismaClient } from '../db/generated/client.js';
import { mediaKey, parseMediaKey, type MediaKey } from './media-key.js';
import { MediaStoreFullError } from './media-store-full.js';
import type { MediaSettings } from './media-settings.js';
import { processUpload } from './process-upload.js';
import { uploadMessages as say } from './upload-messages.js';

/** The part of the app context media needs: database, clock, public URL and the media settings. */
export type MediaApp = Pick<AppContext, 'db' | 'now'> & {
  config: { publicUrl: string };
  media: MediaSettings;
};

export interface StoredMedia {
  id: string;
  url: string;
  thumbnail_url: string;
  /** Where the photo was taken, from its EXIF GPS, when it carried one. */
  exif_location?: { lat: number; long: number };
  /** When the photo was taken (ISO 8601), from its EXIF. */
  captured_at?: string;
}

/** The public URL of a stored variant: `<publicUrl>/media/<key>`. */
export function mediaUrl(publicUrl: string, key: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/media/${key}`;
}

/**
 * Why an upload was refused: field errors (field `media`), and 507 when the store is full (the
 * resident can send the report without the photo, or retry later); without a status, a 400.
 */
export interface UploadRefused {
  errors: FieldError[];
  status?: 507;
}

/** Processes and stores one uploaded file; answers field errors (field `media`) when it is refused. */
export async function storeUploadedMedia(
  app: MediaApp,
  file: File,
  jurisdictionId: string,
): Promise<StoredMedia | UploadRefused> {
  // Refuse by the declared size first, so an oversized upload is never read into memory.
  if (file.size > app.media.maxBytes)
    return { errors: [{ field: 'media', message: say.tooLarge(file.size, app.media.maxBytes) }] };
  const jurisdiction = await app.db.jurisdiction.findUniqueOrThrow({ where: { id: jurisdictionId } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const processed = await processUpload(bytes, file.name, file.type, {
    maxBytes: app.media.maxBytes,
    timeZone: jurisdiction.timezone,
  });
  if (!processed.ok) return { errors: processed.errors };
  const { photo } = processed;

  const id = randomUUID();
  const storageKey = mediaKey(id, 'original', photo.extension);
  const thumbnailKey = mediaKey(id, 'thumbnail', 'jpg');
  const stored: MediaKey[] = [];
  try {
    await app.media.store.put(storageKey, photo.image, photo.contentType);
    stored.push(storageKey);
    await app.media.store.put(thumbnailKey, photo.thumbnail, 'image/jpeg');
    stored.push(thumbnailKey);
    await app.db.media.create({
      data: {
        id,
        jurisdictionId,
        storageKey,
        thumbnailKey,
        contentType: photo.contentType,
        sizeBytes: photo.image.length,
        width: photo.width,
        height: photo.height,
        exifLat: photo.location?.lat ?? null,
        exifLong: photo.location?.long ?? null,
        capturedAt: photo.capturedAt ?? null,
        originalName: photo.originalName,
        createdAt: app.now(),
      },
    });
  } catch (error) {
    await Promise.allSettled(stored.map((key) => app.media.store.delete(key)));
    if (error instanceof MediaStoreFullError)
      return { errors: [{ field: 'media', message: say.storeFull }], status: 507 };
    throw error;
  }
  return {
    id,
    url: mediaUrl(app.config.publicUrl, storageKey),
    thumbnail_url: mediaUrl(app.config.publicUrl, thumbnailKey),
    ...(photo.location ? { exif_location: photo.location } : {}),
    ...(photo.capturedAt ? { captured_at: photo.capturedAt.toISOString() } : {}),
  };
}

/** Attaches unattached photos of the jurisdiction to a request; answers how many were attached. */
export async function attachMediaToRequest(
  db: Pick<PrismaClient, 'media'>,
  mediaIds: readonly string[],
  requestId: bigint | string,
  jurisdictionId: string,
): Promise<number> {
  if (mediaIds.length === 0) return 0;
  const attached = await db.media.updateMany({
    where: { id: { in: [...mediaIds] }, jurisdictionId, requestId: null },
    data: { requestId: BigInt(requestId) },
  });
  return attached.count;
}

/** Deletes photos that were stored for a submission that was then refused. */
export async function discardMedia(app: Pick<MediaApp, 'db' | 'media'>, mediaIds: readonly string[]) {
  if (mediaIds.length === 0) return;
  await deleteUnattached(app, { id: { in: [...mediaIds] } });
}

/**
 * Deletes photos uploaded before `before` that no request ever used (abandoned forms, uploads by
 * clients that never posted the request); run it daily. Answers how many were deleted.
 */
export async function deleteAbandonedMedia(
  app: Pick<MediaApp, 'db' | 'media'>,
  before: Date,
): Promise<number> {
  return deleteUnattached(app, { createdAt: { lt: before } });
}

async function deleteUnattached(
  app: Pick<MediaApp, 'db' | 'media'>,
  where: { id?: { in: string[] }; createdAt?: { lt: Date } },
): Promise<number> {
  const rows = await app.db.media.findMany({ where: { ...where, requestId: null } });
  let deleted = 0;
  for (const row of rows) {
    // Re-checked per row: a request may attach the photo between the read and the delete.
    const { count } = await app.db.media.deleteMany({ where: { id: row.id, requestId: null } });
    if (count === 0) continue;
    deleted += 1;
    for (const key of [parseMediaKey(row.storageKey), parseMediaKey(row.thumbnailKey)])
      if (key) await app.media.store.delete(key).catch(() => undefined);
  }
  return deleted;
}
