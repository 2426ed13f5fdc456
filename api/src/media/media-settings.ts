/**
 * Media configuration: where photos are stored and how large they may be. The fields are meant to be
 * merged into the API's one configuration schema (`configSchema.extend(mediaConfigSchema.shape)`).
 */
import { z } from 'zod';
import { diskMediaStore } from './disk-media-store.js';
import type { MediaStore } from './media-store.port.js';
import { defaultMaxBytes } from './process-upload.js';
import { s3MediaStore } from './s3-media-store.js';

export const mediaConfigSchema = z.object({
  /** Folder of the disk store (created when missing); used when MEDIA_S3_BUCKET is not set. */
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  /** Largest accepted photo in bytes; 10 MB by default. */
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(defaultMaxBytes),
  /** Keep photos in this S3-compatible bucket instead of MEDIA_DIR. */
  MEDIA_S3_BUCKET: z.string().min(1).optional(),
  /** S3 endpoint off AWS, e.g. http://minio:9000 (path-style addressing). */
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  MEDIA_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Key prefix inside the bucket, e.g. springfield/ */
  MEDIA_S3_PREFIX: z.string().default(''),
});
export type MediaConfig = z.input<typeof mediaConfigSchema>;

/** What the media routes and `storeUploadedMedia` need at run time. */
export interface MediaSettings {
  store: MediaStore;
  maxBytes: number;
}

/** Builds the settings from configuration: the S3 store when a bucket is set, else the disk store. */
export function createMediaSettings(input: MediaConfig): MediaSettings {
  const config = mediaConfigSchema.parse(input);
  const store = config.MEDIA_S3_BUCKET
    ? s3MediaStore({
        bucket: config.MEDIA_S3_BUCKET,
        region: config.MEDIA_S3_REGION,
        prefix: config.MEDIA_S3_PREFIX,
        ...(config.MEDIA_S3_ENDPOINT ? { endpoint: config.MEDIA_S3_ENDPOINT } : {}),
      })
    : diskMediaStore(config.MEDIA_DIR);
  return { store, maxBytes: config.MEDIA_MAX_BYTES };
}
