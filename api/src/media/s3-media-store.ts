/**
 * MediaStore over any S3-compatible bucket: AWS S3, MinIO, Ceph RGW, Garage, Cloudflare R2. A city
 * sets MEDIA_S3_BUCKET (and, off AWS, MEDIA_S3_ENDPOINT, which turns on path-style addressing);
 * credentials come from the AWS SDK's usual chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile,
 * instance role). The SDK is loaded on first use, so installations on disk never load it.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { parseMediaKey, type MediaKey } from './media-key.js';
import type { MediaStore } from './media-store.port.js';

export interface S3MediaStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `springfield/` (default none). */
  prefix?: string;
  /** Needed off AWS, e.g. `http://minio:9000`. */
  endpoint?: string;
  region?: string;
  /** MinIO and most self-hosted stores need path-style URLs (`<endpoint>/<bucket>/<key>`). */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** A store that keeps each photo as one object `<prefix><key>`. */
export function s3MediaStore(options: S3MediaStoreOptions): MediaStore {
  let connected: Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> | undefined;
  const connect = () =>
    (connected ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region ?? 'us-east-1',
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
        ...(options.credentials ? { credentials: options.credentials } : {}),
      }),
    })));
  const objectKey = (key: MediaKey) => {
    if (parseMediaKey(key) === null) throw new Error('Refused an invalid media key');
    return `${options.prefix ?? ''}${key}`;
  };
  const Bucket = options.bucket;

  return {
    async put(key, bytes, contentType) {
      const Key = objectKey(key);
      const { sdk, client } = await connect();
      await client.send(new sdk.PutObjectCommand({ Bucket, Key, Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      const Key = objectKey(key);
      const { sdk, client } = await connect();
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket, Key }));
        return object.Body ? await object.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof sdk.NoSuchKey) return null;
        if (error instanceof sdk.S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async delete(key) {
      const Key = objectKey(key);
      const { sdk, client } = await connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key }));
    },
  };
}
