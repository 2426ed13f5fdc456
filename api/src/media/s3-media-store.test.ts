// The S3 store against a local stand-in that speaks S3's REST protocol (path-style PUT, GET and
// DELETE of objects, NoSuchKey errors), as MinIO would answer. It records what the client sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaKey, type MediaKey } from './media-key.js';
import { s3MediaStore } from './s3-media-store.js';

const objects = new Map<string, { body: Buffer; type: string }>();
const seen: { method: string; path: string; signed: boolean }[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    seen.push({
      method: req.method!,
      path,
      signed: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? ''),
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), type: req.headers['content-type'] ?? '' });
        res.writeHead(200, { ETag: '"e"' }).end();
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        const object = objects.get(path);
        if (!object) {
          res.writeHead(404, { 'Content-Type': 'application/xml' });
          res.end(`<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>No such key</Message></Error>`);
          return;
        }
        res
          .writeHead(200, { 'Content-Type': object.type, 'Content-Length': object.body.length })
          .end(object.body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('s3MediaStore', () => {
  it('puts, gets and deletes objects under <bucket>/<prefix><key> with signed requests', async () => {
    const store = s3MediaStore({
      bucket: 'city-media',
      prefix: 'springfield/',
      endpoint,
      credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
    });
    const key = mediaKey('0b0e4a52-7f55-4b61-9d53-2f1c2a7e9c11', 'original', 'jpg');
    await store.put(key, new Uint8Array([1, 2, 3]), 'image/jpeg');
    const path = `/city-media/springfield/${key}`;
    expect(objects.get(path)).toEqual({ body: Buffer.from([1, 2, 3]), type: 'image/jpeg' });
    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(seen.every((request) => request.signed)).toBe(true);
    await expect(store.get('../../etc/passwd' as MediaKey)).rejects.toThrow(/invalid media key/);
  });
});
